"""Score the `default` model of the lead-scoring grid with pandas, as an analyst would
without the dbt project: the grid's CSV files (seeds/grid/) are the configuration, the
warehouse's contacts, accounts and events the input. Writes one row per contact (points,
grades, zone) to a Parquet file; bench/benchmark.py checks it equals `lead_scores`.

    python bench/peers/pandas_peer.py --duckdb warehouse.duckdb --input-schema lead_scoring_input \
        --as-of 2026-09-29 --output scores.parquet
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

GRID = Path(__file__).resolve().parents[2] / "seeds" / "grid"
TIERS = [(10, "points_10_plus"), (5, "points_5_plus"), (2, "points_2_plus"), (1, "points_1_plus")]


def grid(name: str, model: str) -> pd.DataFrame:
    table = pd.read_csv(GRID / f"grid_{name}.csv", dtype={"grade": str})
    return table[table["scoring_model"] == model]


def normalized(values: pd.Series) -> pd.Series:
    """Text compared ignoring case and surrounding spaces; blank is missing."""
    text = values.astype("string").str.strip().str.lower()
    return text.mask(text == "")


def clean(value: str) -> str:
    return value.strip().lower()


def like(pattern: str) -> re.Pattern:
    """SQL LIKE as a regular expression: % is any text, _ one character."""
    return re.compile("".join({"%": ".*", "_": "."}.get(c, re.escape(c)) for c in pattern))


def delivered_twice(event_ids: pd.Series, chunk: int = 200_000) -> pd.Series:
    """Whether another row has the same event id. The ids are hashed a chunk at a time and
    only the rows whose hash repeats are compared as text: hashing 20M strings at once
    costs gigabytes."""
    hashes = pd.concat(
        pd.util.hash_pandas_object(event_ids.iloc[start : start + chunk].str.strip(), index=False)
        for start in range(0, len(event_ids), chunk)
    )
    twice = hashes.duplicated(keep=False)
    twice[twice] = event_ids[twice].str.strip().duplicated(keep=False)
    return twice


def activity_points(events: pd.DataFrame, contact_ids: pd.Index, model: str, as_of) -> pd.Series:
    criteria = grid("activity_criteria", model).set_index("criterion")
    rules = grid("activity_match_rules", model)
    # events of known contacts up to the as-of date; an event delivered twice counts once,
    # as its earliest delivery
    ids = events["contact_id"].astype("category")
    known = contact_ids.get_indexer(ids.cat.categories.str.strip())
    events["contact"] = np.where(ids.cat.codes >= 0, known[ids.cat.codes], -1).astype("int32")
    keep = (events["contact"] >= 0) & (events["occurred_at"] < as_of + pd.Timedelta(days=1))
    twice = keep & delivered_twice(events["event_id"])
    later = events[twice].sort_values(["event_id", "occurred_at", "event_type", "subject"])
    later = later["event_id"].duplicated()
    keep[later.index[later]] = False
    events = events.loc[keep, ["contact", "event_type", "subject", "occurred_at"]]
    # the rules are matched once per distinct (event type, subject), not once per event
    kinds = events[["event_type", "subject"]].drop_duplicates()
    matches = {
        (event_type, subject, rule.criterion)
        for event_type, subject in kinds.itertuples(index=False)
        for rule in rules.itertuples()
        if clean(event_type) == clean(rule.event_type)
        and (
            pd.isna(rule.subject_pattern)
            or (pd.notna(subject) and like(clean(rule.subject_pattern)).fullmatch(clean(subject)))
        )
    }
    matches = pd.DataFrame(sorted(matches), columns=["event_type", "subject", "criterion"])
    # joined on the events' own categories (codes, not text)
    matches = matches.astype(
        {
            "event_type": events["event_type"].dtype,
            "subject": events["subject"].dtype,
            "criterion": "category",
        }
    )
    matched = events.merge(matches, on=["event_type", "subject"])
    matched["days_ago"] = (as_of - matched["occurred_at"].dt.normalize()).dt.days
    lookback = matched["criterion"].map(criteria["lookback_days"]).astype(float)
    matched = matched[lookback.isna() | (matched["days_ago"] < lookback)]
    per_criterion = matched.groupby(["contact", "criterion"], observed=True).agg(
        n=("days_ago", "size"), days_since_last=("days_ago", "min")
    )
    rows = criteria.loc[per_criterion.index.get_level_values("criterion")]
    n = per_criterion["n"].to_numpy()
    # the highest tier reached; a blank tier keeps the one below
    points = np.zeros(len(n))
    for threshold, column in reversed(TIERS):
        tier = rows[column].to_numpy(dtype=float)
        points = np.where((n >= threshold) & ~np.isnan(tier), tier, points)
    cap = rows["max_points"].to_numpy(dtype=float)
    points = np.where(cap >= 0, np.minimum(points, cap), np.maximum(points, cap))
    half_life = rows["decay_half_life_days"].to_numpy(dtype=float)
    decay = np.where(
        np.isnan(half_life), 1.0, 0.5 ** (per_criterion["days_since_last"] / half_life)
    )
    per_criterion["points"] = np.trunc(points * decay)
    by_contact = per_criterion.groupby(level="contact")["points"].sum()
    return by_contact.set_axis(contact_ids[by_contact.index])


def fit_points(people: pd.DataFrame, model: str) -> pd.Series:
    best = pd.DataFrame(index=people.index)
    for rule in grid("fit_rules", model).itertuples():
        value = normalized(people[rule.attribute])
        items = [] if pd.isna(rule.value) else [i.strip().lower() for i in rule.value.split("|")]
        if rule.operator == "equals":
            matched = value == items[0]
        elif rule.operator == "in":
            matched = value.isin(items)
        elif rule.operator == "between":
            number = pd.to_numeric(people[rule.attribute], errors="coerce")
            matched = number.between(float(items[0]), float(items[1]))
        elif rule.operator == "contains_any":
            matched = value.str.contains("|".join(map(re.escape, items)), regex=True)
        elif rule.operator == "is_present":
            matched = value.notna()
        elif rule.operator == "email_domain_in":
            matched = value.str.split("@").str[1].str.strip().isin(items)
        else:
            raise ValueError(f"unknown operator {rule.operator}")
        points = pd.Series(np.where(matched.fillna(False), rule.points, np.nan), people.index)
        # when several rows of a criterion match, the highest points count
        best[rule.criterion] = np.fmax(best.get(rule.criterion, np.nan), points)
    return best.sum(axis=1).astype("int64")


def graded(points: pd.Series, bands: pd.DataFrame) -> pd.Series:
    """The grade of the highest band minimum reached; the blank minimum is the floor."""
    bands = bands.sort_values("min_points", ascending=False, na_position="last")
    grade = pd.Series(bands["grade"].iloc[-1], index=points.index)
    for band in bands[bands["min_points"].notna()][::-1].itertuples():
        grade = grade.mask(points >= band.min_points, band.grade)
    return grade


def load(con: duckdb.DuckDBPyConnection, schema: str) -> dict[str, pd.DataFrame]:
    """The warehouse's tables, in the columns scoring reads (low-cardinality text as
    categories: at 20M events, strings per row are what memory is spent on)."""

    def read(sql: str) -> pd.DataFrame:
        return con.sql(sql).arrow().read_all().to_pandas()

    return {
        "contacts": read(f"select * from {schema}.contacts"),
        "accounts": read(f"select * from {schema}.accounts"),
        "events": read(
            f"select event_id, contact_id, event_type, subject, occurred_at from {schema}.events"
        ).astype({"event_type": "category", "subject": "category"}),
    }


def score(
    contacts: pd.DataFrame, accounts: pd.DataFrame, events: pd.DataFrame, as_of: str, model: str
) -> pd.DataFrame:
    as_of = pd.Timestamp(as_of)
    for frame, key in [
        (contacts, "contact_id"),
        (contacts, "account_id"),
        (accounts, "account_id"),
    ]:
        frame[key] = frame[key].str.strip().replace("", None)
    # a contact exported twice keeps its latest version
    contacts = (
        contacts[contacts["contact_id"].notna()]
        .sort_values(
            ["contact_id", "updated_at", "created_at", "email", "job_title"],
            ascending=[True, False, False, True, True],
            na_position="last",
        )
        .drop_duplicates("contact_id")
    )
    people = (
        contacts.add_prefix("contacts.")
        .merge(
            accounts.add_prefix("accounts."),
            how="left",
            left_on="contacts.account_id",
            right_on="accounts.account_id",
        )
        .set_index("contacts.contact_id")
    )
    scores = (
        pd.DataFrame(
            {
                "fit_points": fit_points(people, model),
                "activity_points": activity_points(events, people.index, model, as_of),
            }
        )
        .fillna({"activity_points": 0})
        .astype("int64")
    )
    bands = grid("grade_bands", model)
    scores["fit_grade"] = graded(scores["fit_points"], bands[bands["dimension"] == "fit"])
    scores["activity_grade"] = graded(
        scores["activity_points"], bands[bands["dimension"] == "activity"]
    )
    scores["grade"] = scores["fit_grade"] + scores["activity_grade"]
    zones = grid("zone_matrix", model).melt(
        id_vars="fit_grade", value_vars=[f"activity_{g}" for g in "1234"], value_name="zone"
    )
    zones["activity_grade"] = zones["variable"].str.removeprefix("activity_")
    scores = (
        scores.rename_axis("contact_id")
        .reset_index()
        .merge(zones[["fit_grade", "activity_grade", "zone"]], on=["fit_grade", "activity_grade"])
    )
    scores["is_mql"] = scores["zone"] == "hot"
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duckdb", required=True)
    parser.add_argument("--input-schema", required=True)
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--scoring-model", default="default")
    parser.add_argument("--output", required=True)
    args = parser.parse_args(argv)
    # the connection is closed before scoring, so that DuckDB's memory is given back
    with duckdb.connect(args.duckdb, read_only=True) as con:
        tables = load(con, args.input_schema)
    scores = score(**tables, as_of=args.as_of, model=args.scoring_model)
    scores.to_parquet(args.output, index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
