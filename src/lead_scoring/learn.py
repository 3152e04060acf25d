"""Learn a points grid from past conversions: features in the grid's own form, a regularized
logistic model, then integer points, tiers, caps, bands and a zone matrix, written as seed
rows of one scoring model (never SQL).

The features are exactly what a grid can express, so the learned grid scores like the model:
- activity: one criterion per event type present in the data and per frequent subject group
  of it (`/pricing`, `ebook/...`), with tier indicators 1+/2+/5+/10+ of its events inside the
  lookback window (nested, so the points of a tier are the sum of the weights up to it);
- fit: each supported value of a categorical contract attribute (`equals`), quantile bins of
  numeric ones (`between`), frequent job-title words (`contains_any`), e-mail domains shared by
  many contacts (`email_domain_in`) and whether a phone is given (`is_present`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path

import duckdb
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

TIERS = (1, 2, 5, 10)
TIER_COLUMNS = ("points_1_plus", "points_2_plus", "points_5_plus", "points_10_plus")
REQUIRED_TABLES = ("contacts", "accounts", "events", "conversions")
CATEGORICAL_ATTRIBUTES = (
    ("contacts.country", "contacts", "country"),
    ("contacts.lead_source", "contacts", "lead_source"),
    ("contacts.is_decision_maker", "contacts", "is_decision_maker"),
    ("accounts.industry", "accounts", "industry"),
    ("accounts.country", "accounts", "country"),
)
NUMERIC_ATTRIBUTES = (
    ("accounts.employee_count", "employee_count"),
    ("accounts.annual_revenue", "annual_revenue"),
)
GRID_FILES = {
    "scoring_models": "grid_scoring_models.csv",
    "activity_criteria": "grid_activity_criteria.csv",
    "match_rules": "grid_activity_match_rules.csv",
    "fit_rules": "grid_fit_rules.csv",
    "grade_bands": "grid_grade_bands.csv",
    "zone_matrix": "grid_zone_matrix.csv",
}
FIT_GRADES = ("A", "B", "C", "D")
ACTIVITY_GRADES = ("4", "3", "2", "1")
MIN_CELL_LEADS = 30
POINTS_PER_LOGIT = 100  # points are the model's weights in hundredths of a logit


class LearnError(Exception):
    """Input the learner cannot learn from; nothing has been written."""


@dataclass
class Options:
    duckdb_path: Path
    schema: str
    as_of: date
    model: str
    seeds_dir: Path
    note_path: Path
    horizon_days: int = 90
    lookback_days: int = 90
    target_hot_share: float = 0.30
    min_support: float = 0.01
    holdout_share: float = 0.3
    regularization: float = 0.1  # inverse L2 strength (held out better than 1.0 on the demo)
    max_subject_groups: int = 8
    seed: int = 42


@dataclass
class Feature:
    """One column of the design matrix and the grid row it becomes."""

    dimension: str  # activity | fit
    criterion: str
    label: str
    # activity: tier (1, 2, 5, 10) and the criterion's match rules; fit: the rule
    tier: int | None = None
    match_rules: list[tuple[str, str | None]] = field(default_factory=list)
    attribute: str | None = None
    operator: str | None = None
    value: str | None = None
    support: int = 0


@dataclass
class LearnedGrid:
    scoring_models: list[dict]
    activity_criteria: list[dict]
    match_rules: list[dict]
    fit_rules: list[dict]
    grade_bands: list[dict]
    zone_matrix: list[dict]
    holdout_auc_grid: float
    holdout_auc_model: float
    holdout_hot_share: float
    holdout_hot_conversion_share: float
    # conversion rates of the best and the worst grade cell with at least MIN_CELL_LEADS
    # held-out leads
    holdout_best_cell_rate: float
    holdout_worst_cell_rate: float
    features: list[Feature]
    weights: np.ndarray


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "any"


def _check_tables(con: duckdb.DuckDBPyConnection, schema: str) -> None:
    present = {
        name
        for (name,) in con.execute(
            "select table_name from information_schema.tables where table_schema = ?",
            [schema],
        ).fetchall()
    }
    missing = [table for table in REQUIRED_TABLES if table not in present]
    if missing:
        raise LearnError(f"schema {schema!r} has no table {', '.join(missing)}")


def _prepare(con: duckdb.DuckDBPyConnection, options: Options) -> None:
    """Clean views in the temp schema, read like the dbt staging models read the inputs."""
    s = f'"{options.schema}"'
    as_of = options.as_of.isoformat()
    con.execute(
        f"""
        create or replace temp view learn_contacts as
        select * exclude (version_rank) from (
            select
                trim(cast(contact_id as varchar)) as contact_id,
                nullif(trim(cast(account_id as varchar)), '') as account_id,
                nullif(lower(trim(email)), '') as email,
                nullif(lower(trim(job_title)), '') as job_title,
                nullif(trim(phone), '') as phone,
                nullif(lower(trim(country)), '') as country,
                nullif(lower(trim(cast(is_decision_maker as varchar))), '') as is_decision_maker,
                nullif(lower(trim(lead_source)), '') as lead_source,
                row_number() over (
                    partition by trim(cast(contact_id as varchar))
                    order by updated_at desc nulls last
                ) as version_rank
            from {s}.contacts
            where nullif(trim(cast(contact_id as varchar)), '') is not null
        )
        where version_rank = 1;

        create or replace temp view learn_accounts as
        select * exclude (account_rank) from (
            select
                trim(cast(account_id as varchar)) as account_id,
                nullif(lower(trim(industry)), '') as industry,
                nullif(lower(trim(country)), '') as country,
                try_cast(employee_count as double) as employee_count,
                try_cast(annual_revenue as double) as annual_revenue,
                row_number() over (partition by trim(cast(account_id as varchar))) as account_rank
            from {s}.accounts
            where nullif(trim(cast(account_id as varchar)), '') is not null
        )
        where account_rank = 1;

        create or replace temp view learn_leads as
        -- contacts that were not customers yet on the as-of date, with their outcome
        select
            contacts.contact_id,
            coalesce(bool_or(
                cast(conversions.converted_at as date) > date '{as_of}'
                and cast(conversions.converted_at as date)
                    <= date '{as_of}' + {int(options.horizon_days)}
            ), false) as is_positive
        from learn_contacts as contacts
        left join {s}.conversions as conversions
            on contacts.contact_id = trim(cast(conversions.contact_id as varchar))
        group by contacts.contact_id
        having not coalesce(
            bool_or(cast(conversions.converted_at as date) <= date '{as_of}'), false
        );

        create or replace temp view learn_events as
        select event_id, contact_id, event_type, subject, occurred_date
        from (
            select
                nullif(trim(cast(event_id as varchar)), '') as event_id,
                trim(cast(contact_id as varchar)) as contact_id,
                nullif(lower(trim(event_type)), '') as event_type,
                nullif(lower(trim(subject)), '') as subject,
                cast(occurred_at as date) as occurred_date,
                row_number() over (
                    partition by nullif(trim(cast(event_id as varchar)), '')
                    order by occurred_at nulls last, contact_id, event_type, subject
                ) as delivery_rank
            from {s}.events
        )
        where
            delivery_rank = 1
            and event_id is not null
            and event_type is not null
            and occurred_date <= date '{as_of}'
            and occurred_date > date '{as_of}' - {int(options.lookback_days)};
        """
    )


def _activity_features(
    con: duckdb.DuckDBPyConnection, leads: list[str], options: Options, min_count: int
) -> tuple[list[Feature], list[np.ndarray]]:
    index = {contact: i for i, contact in enumerate(leads)}
    # a subject group is a subject's first path segment (`/pricing/enterprise` -> `/pricing`,
    # `ebook/b2b-funnel` -> `ebook`), or the whole subject when it has none
    rows = con.execute(
        r"""
        with grouped as (
            select
                contact_id,
                event_type,
                coalesce(nullif(regexp_extract(subject, '^(/?[^/]+)/', 1), ''), subject)
                    as subject_group
            from learn_events
            where contact_id in (select contact_id from learn_leads)
        )
        select event_type, null as subject_group, contact_id, count(*) as events
        from grouped group by all
        union all
        select event_type, subject_group, contact_id, count(*) as events
        from grouped where subject_group is not null group by all
        """
    ).fetchall()
    counts: dict[tuple[str, str | None], dict[str, int]] = {}
    for event_type, group, contact, events in rows:
        counts.setdefault((event_type, group), {})[contact] = events
    criteria: list[tuple[str, str | None]] = []
    for event_type in sorted({event_type for event_type, _ in counts}):
        if len(counts[(event_type, None)]) >= min_count:
            criteria.append((event_type, None))
        groups = sorted(
            (
                (-len(per_contact), group)
                for (kind, group), per_contact in counts.items()
                if kind == event_type and group is not None and len(per_contact) >= min_count
            )
        )[: options.max_subject_groups]
        criteria.extend((event_type, group) for _, group in sorted(groups, key=lambda g: g[1]))

    features, columns = [], []
    for event_type, group in criteria:
        per_contact = counts[(event_type, group)]
        criterion = _slug(event_type) + (f"__{_slug(group)}" if group else "")
        label = event_type.replace("_", " ").capitalize() + (f" {group}" if group else "")
        # the group itself, and anything below it
        rules = (
            [(event_type, None)]
            if group is None
            else [
                (event_type, group),
                (event_type, f"{group}/%"),
            ]
        )
        for tier in TIERS:
            column = np.zeros(len(leads))
            for contact, events in per_contact.items():
                if events >= tier and contact in index:
                    column[index[contact]] = 1
            support = int(column.sum())
            if support < min_count:
                break
            features.append(
                Feature(
                    "activity",
                    criterion,
                    label,
                    tier=tier,
                    match_rules=rules,
                    support=support,
                )
            )
            columns.append(column)
    return features, columns


def _fit_features(
    con: duckdb.DuckDBPyConnection, leads: list[str], options: Options, min_count: int
) -> tuple[list[Feature], list[np.ndarray]]:
    frame = con.sql(
        """
        select
            leads.contact_id,
            contacts.country as contacts__country,
            contacts.lead_source as contacts__lead_source,
            contacts.is_decision_maker as contacts__is_decision_maker,
            accounts.industry as accounts__industry,
            accounts.country as accounts__country,
            accounts.employee_count,
            accounts.annual_revenue,
            contacts.job_title,
            nullif(trim(split_part(contacts.email, '@', 2)), '') as email_domain,
            contacts.phone is not null as has_phone
        from learn_leads as leads
        inner join learn_contacts as contacts on leads.contact_id = contacts.contact_id
        left join learn_accounts as accounts on contacts.account_id = accounts.account_id
        order by leads.contact_id
        """
    ).to_arrow_table()
    # plain Python lists: a missing value is None (numpy would fill it with a number)
    frame = {name: frame.column(name).to_pylist() for name in frame.column_names}
    if frame["contact_id"] != leads:
        raise LearnError("contacts changed while learning")
    features, columns = [], []

    def add(feature: Feature, column: np.ndarray) -> None:
        feature.support = int(column.sum())
        if min_count <= feature.support <= len(leads) - min_count:
            features.append(feature)
            columns.append(column.astype(float))

    for attribute, table, column_name in CATEGORICAL_ATTRIBUTES:
        values = np.array([v if v is not None else "" for v in frame[f"{table}__{column_name}"]])
        criterion = _slug(attribute.replace(".", "_"))
        label_base = attribute.split(".")[1].replace("_", " ").capitalize()
        for value in sorted(set(values) - {""}):
            add(
                Feature(
                    "fit",
                    criterion,
                    f"{label_base} {value}",
                    attribute=attribute,
                    operator="equals",
                    value=value,
                ),
                values == value,
            )
    for attribute, column_name in NUMERIC_ATTRIBUTES:
        numbers = np.array([np.nan if v is None else v for v in frame[column_name]], dtype=float)
        known = numbers[~np.isnan(numbers)]
        if len(known) < min_count:
            continue
        edges = np.unique(np.floor(np.quantile(known, [0.2, 0.4, 0.6, 0.8])))
        bounds = [float(np.floor(known.min())), *edges, None]
        criterion = _slug(attribute.replace(".", "_"))
        label_base = column_name.replace("_", " ").capitalize()
        for low, high in pairwise(bounds):
            upper = 1e15 if high is None else high - 1
            if upper < low:
                continue
            add(
                Feature(
                    "fit",
                    criterion,
                    f"{label_base} {low:,.0f} to " + ("more" if high is None else f"{upper:,.0f}"),
                    attribute=attribute,
                    operator="between",
                    value=f"{low:.0f}|{upper:.0f}",
                ),
                (numbers >= low) & (numbers <= upper),
            )
    # a grid's contains_any matches text anywhere in the title, so the feature does too
    titles = [t or "" for t in frame["job_title"]]
    words = sorted({w for t in titles for w in re.findall(r"[a-z]+", t) if len(w) > 1})
    for word in words:
        column = np.array([word in title for title in titles])
        add(
            Feature(
                "fit",
                f"title_{_slug(word)}",
                f"Title says {word}",
                attribute="contacts.job_title",
                operator="contains_any",
                value=word,
            ),
            column,
        )
    domains = np.array([d or "" for d in frame["email_domain"]])
    for domain in sorted(set(domains) - {""}):
        add(
            Feature(
                "fit",
                "email_domain",
                f"E-mail at {domain}",
                attribute="contacts.email",
                operator="email_domain_in",
                value=domain,
            ),
            domains == domain,
        )
    add(
        Feature(
            "fit",
            "phone_provided",
            "Phone provided",
            attribute="contacts.phone",
            operator="is_present",
            value="",
        ),
        np.array(frame["has_phone"], dtype=bool),
    )
    return features, columns


def _grid_points(features: list[Feature], weights: np.ndarray) -> dict:
    """Weights -> integer points in the grid's form. Activity: the points of a tier are the
    sum of the weights of the tiers up to it (the indicators are nested), made monotone with
    one sign per criterion; fit: one rounded weight per rule."""
    activity: dict[str, dict] = {}
    fit_rows = []
    for feature, weight in zip(features, weights, strict=True):
        if feature.dimension == "activity":
            criterion = activity.setdefault(
                feature.criterion,
                {"label": feature.label, "rules": feature.match_rules, "tiers": {}},
            )
            criterion["tiers"][feature.tier] = weight
        elif (points := round(weight * POINTS_PER_LOGIT)) != 0:
            fit_rows.append((feature, points))
    activity_rows = []
    for name, criterion in activity.items():
        cumulative, total = {}, 0.0
        for tier in TIERS:
            if tier in criterion["tiers"]:
                total += criterion["tiers"][tier]
                cumulative[tier] = total
        # one sign per criterion: the sign of the tier with the most weight
        sign = 1 if max(cumulative.values(), key=abs) >= 0 else -1
        tiers, running = {}, 0
        for tier, value in cumulative.items():
            points = max(0, round(sign * value * POINTS_PER_LOGIT))
            running = max(running, points)  # more events never score less
            tiers[tier] = sign * running
        if all(points == 0 for points in tiers.values()):
            continue
        activity_rows.append((name, criterion, tiers))
    return {"activity": activity_rows, "fit": fit_rows}


def _score(
    features: list[Feature], columns: np.ndarray, grid: dict
) -> tuple[np.ndarray, np.ndarray]:
    """Fit and activity points of every lead under the learned grid, as the SQL scores them."""
    position = {
        (f.dimension, f.criterion, f.tier, f.operator, f.value): i for i, f in enumerate(features)
    }
    activity = np.zeros(columns.shape[0])
    for name, _, tiers in grid["activity"]:
        reached = np.zeros(columns.shape[0])
        for tier, points in tiers.items():
            column = columns[:, position[("activity", name, tier, None, None)]]
            reached = np.where(column > 0, points, reached)
        activity += reached
    fit = np.zeros(columns.shape[0])
    by_criterion: dict[str, np.ndarray] = {}
    for feature, points in grid["fit"]:
        column = columns[
            :,
            position[("fit", feature.criterion, None, feature.operator, feature.value)],
        ]
        best = by_criterion.get(feature.criterion)
        candidate = np.where(column > 0, points, -np.inf)
        by_criterion[feature.criterion] = candidate if best is None else np.maximum(best, candidate)
    for best in by_criterion.values():
        fit += np.where(np.isinf(best), 0, best)
    return fit, activity


def _bands(points: np.ndarray, shares: tuple[float, float, float]) -> list[int | None]:
    """Minimum points of the top three grades, so that about `shares` of leads (best grade
    first, cumulative) reach them, strictly decreasing; the lowest grade has none."""
    thresholds, previous = [], None
    for share in np.cumsum(shares):
        value = int(np.ceil(np.quantile(points, 1 - share)))
        if previous is not None and value >= previous:
            value = previous - 1
        thresholds.append(value)
        previous = value
    return [*thresholds, None]


def _grade(points: np.ndarray, thresholds: list[int | None], grades: tuple[str, ...]) -> np.ndarray:
    graded = np.full(points.shape, grades[-1], dtype=object)
    for grade, minimum in reversed(list(zip(grades[:-1], thresholds[:-1], strict=True))):
        graded = np.where(points >= minimum, grade, graded)
    return graded


def _zone_matrix(fit_grades, activity_grades, labels, target_hot_share: float) -> dict:
    """Cells ranked by (smoothed) conversion rate: hot while the leads they hold stay within
    the target share, warm for about as many leads again, cold for the rest."""
    overall = labels.mean()
    cells = []
    for fit_grade in FIT_GRADES:
        for activity_grade in ACTIVITY_GRADES:
            in_cell = (fit_grades == fit_grade) & (activity_grades == activity_grade)
            leads, conversions = int(in_cell.sum()), float(labels[in_cell].sum())
            rate = (conversions + 10 * overall) / (leads + 10)
            cells.append((-rate, fit_grade, activity_grade, leads))
    zones, cumulative = {}, 0
    total = len(labels)
    for _, fit_grade, activity_grade, leads in sorted(cells):
        share = (cumulative + leads) / total
        if share <= target_hot_share or cumulative == 0:
            zone = "hot"
        elif share <= 2 * target_hot_share + 0.1:
            zone = "warm"
        else:
            zone = "cold"
        cumulative += leads
        zones[(fit_grade, activity_grade)] = zone
    return zones


def learn(options: Options) -> LearnedGrid:
    """Learn the grid; raise LearnError on input it cannot learn from."""
    if not options.duckdb_path.exists():
        raise LearnError(f"no DuckDB file at {options.duckdb_path}")
    missing_seeds = [
        name for name in GRID_FILES.values() if not (options.seeds_dir / name).exists()
    ]
    if missing_seeds:
        raise LearnError(f"{options.seeds_dir} has no grid seed {', '.join(missing_seeds)}")
    with duckdb.connect(str(options.duckdb_path), read_only=True) as con:
        _check_tables(con, options.schema)
        _prepare(con, options)
        outcomes = con.execute(
            "select contact_id, is_positive from learn_leads order by contact_id"
        ).fetchall()
        leads = [contact for contact, _ in outcomes]
        labels = np.array([positive for _, positive in outcomes], dtype=int)
        if not leads:
            raise LearnError("no lead to learn from (no contact that was not a customer yet)")
        positives = int(labels.sum())
        if positives == 0:
            raise LearnError(
                f"no conversion within {options.horizon_days} days after {options.as_of}:"
                " nothing to learn from"
            )
        if positives == len(leads):
            raise LearnError("every lead converted: a single class, nothing to rank")
        min_count = max(5, int(np.ceil(options.min_support * len(leads))))
        activity, activity_columns = _activity_features(con, leads, options, min_count)
        fit, fit_columns = _fit_features(con, leads, options, min_count)
    features = activity + fit
    if not features:
        raise LearnError("no attribute or behaviour has enough support to learn from")
    matrix = np.column_stack(activity_columns + fit_columns)
    train, holdout = train_test_split(
        np.arange(len(leads)),
        test_size=options.holdout_share,
        random_state=options.seed,
        stratify=labels,
    )
    if labels[train].sum() < 2 or labels[holdout].sum() < 1:
        raise LearnError(f"only {positives} conversions: too few to learn and check a grid")
    model = LogisticRegression(C=options.regularization, max_iter=5000)
    model.fit(matrix[train], labels[train])
    grid = _grid_points(features, model.coef_[0])
    fit_points, activity_points = _score(features, matrix, grid)
    total = fit_points + activity_points

    fit_bands = _bands(fit_points[train], (0.15, 0.25, 0.30))
    activity_bands = _bands(activity_points[train], (0.15, 0.20, 0.25))
    fit_grades = _grade(fit_points, fit_bands, FIT_GRADES)
    activity_grades = _grade(activity_points, activity_bands, ACTIVITY_GRADES)
    zones = _zone_matrix(
        fit_grades[train],
        activity_grades[train],
        labels[train],
        options.target_hot_share,
    )
    is_hot = np.array(
        [zones[(f, a)] == "hot" for f, a in zip(fit_grades, activity_grades, strict=True)]
    )
    held = labels[holdout]
    cell_rates = [
        held[in_cell].mean()
        for cell in set(zones)
        if (
            in_cell := (fit_grades[holdout] == cell[0]) & (activity_grades[holdout] == cell[1])
        ).sum()
        >= MIN_CELL_LEADS
    ]
    return LearnedGrid(
        **_seed_rows(options, grid, fit_bands, activity_bands, zones),
        holdout_auc_grid=float(roc_auc_score(held, total[holdout])),
        holdout_auc_model=float(roc_auc_score(held, model.decision_function(matrix[holdout]))),
        holdout_hot_share=float(is_hot[holdout].mean()),
        holdout_hot_conversion_share=float(is_hot[holdout][held == 1].mean()),
        holdout_best_cell_rate=float(max(cell_rates, default=np.nan)),
        holdout_worst_cell_rate=float(min(cell_rates, default=np.nan)),
        features=features,
        weights=model.coef_[0],
    )


def _seed_rows(options: Options, grid: dict, fit_bands, activity_bands, zones) -> dict:
    model = options.model
    activity_criteria, match_rules, fit_rules = [], [], []
    ordered_activity = sorted(
        grid["activity"],
        key=lambda row: (-max(abs(p) for p in row[2].values()), row[0]),
    )
    for order, (name, criterion, tiers) in enumerate(ordered_activity, start=1):
        values = [tiers.get(tier) for tier in TIERS]
        extreme = max((v for v in values if v is not None), key=abs)
        activity_criteria.append(
            {
                "scoring_model": model,
                "criterion": name,
                "label": criterion["label"],
                **{
                    column: ("" if v is None else v)
                    for column, v in zip(TIER_COLUMNS, values, strict=True)
                },
                "max_points": extreme,
                "lookback_days": options.lookback_days,
                "display_order": order,
            }
        )
        for event_type, pattern in criterion["rules"]:
            match_rules.append(
                {
                    "scoring_model": model,
                    "criterion": name,
                    "event_type": event_type,
                    "subject_pattern": pattern or "",
                }
            )
    ordered_fit = sorted(grid["fit"], key=lambda row: (row[0].criterion, -row[1], row[0].value))
    start = len(activity_criteria)
    for order, (feature, points) in enumerate(ordered_fit, start=start + 1):
        fit_rules.append(
            {
                "scoring_model": model,
                "criterion": feature.criterion,
                "label": feature.label,
                "attribute": feature.attribute,
                "operator": feature.operator,
                "value": feature.value,
                "points": points,
                "display_order": order,
            }
        )
    grade_bands = [
        {
            "scoring_model": model,
            "dimension": dimension,
            "grade": grade,
            "min_points": "" if minimum is None else minimum,
        }
        for dimension, grades, bands in (
            ("fit", FIT_GRADES, fit_bands),
            ("activity", ACTIVITY_GRADES, activity_bands),
        )
        for grade, minimum in zip(grades, bands, strict=True)
    ]
    zone_matrix = [
        {
            "scoring_model": model,
            "fit_grade": fit_grade,
            **{f"activity_{a}": zones[(fit_grade, a)] for a in sorted(ACTIVITY_GRADES)},
        }
        for fit_grade in FIT_GRADES
    ]
    scoring_models = [
        {
            "scoring_model": model,
            "label": f"Learned from conversions after {options.as_of}",
            "zone_method": "matrix",
            "conversion_product": "",
        }
    ]
    return {
        "scoring_models": scoring_models,
        "activity_criteria": activity_criteria,
        "match_rules": match_rules,
        "fit_rules": fit_rules,
        "grade_bands": grade_bands,
        "zone_matrix": zone_matrix,
    }


def write(options: Options, learned: LearnedGrid) -> list[Path]:
    """Replace the rows of the learned model in every grid seed (other models' rows stay as
    they are, in their order; the model's rows follow them) and write the note."""
    written = []
    for key, file_name in GRID_FILES.items():
        path = options.seeds_dir / file_name
        with path.open(newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames
            kept = [row for row in reader if row["scoring_model"] != options.model]
        with path.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(kept)
            writer.writerows(getattr(learned, key))
        written.append(path)
    options.note_path.parent.mkdir(parents=True, exist_ok=True)
    options.note_path.write_text(note(options, learned))
    written.append(options.note_path)
    return written


def note(options: Options, learned: LearnedGrid) -> str:
    support = {}
    for feature in learned.features:
        key = (feature.criterion, feature.tier, feature.value)
        support[key] = feature.support
    lines = [
        f"# Learned scoring model `{options.model}`",
        "",
        (
            f"Learned by `lead-scoring learn` from conversions within {options.horizon_days}"
            f" days after {options.as_of} (activity over the {options.lookback_days} days"
            " before it)."
        ),
        (
            f"Held-out AUC: learned grid {learned.holdout_auc_grid:.4f}, unconstrained"
            f" logistic regression {learned.holdout_auc_model:.4f}. Hot zone on held-out"
            f" leads: {learned.holdout_hot_share:.0%} of leads,"
            f" {learned.holdout_hot_conversion_share:.0%} of conversions. Best grade cell"
            f" converts {learned.holdout_best_cell_rate:.1%}, worst"
            f" {learned.holdout_worst_cell_rate:.1%}."
        ),
        "",
        "| dimension | criterion | rule | points | leads with it |",
        "|---|---|---|---|---|",
    ]
    for row in learned.activity_criteria:
        tiers = ", ".join(
            f"{tier}+: {row[column]}"
            for tier, column in zip(TIERS, TIER_COLUMNS, strict=True)
            if row[column] != ""
        )
        first_support = support.get((row["criterion"], 1, None), 0)
        lines.append(
            f"| activity | {row['label']} | {tiers} | cap {row['max_points']} | {first_support} |"
        )
    for row in learned.fit_rules:
        lines.append(
            f"| fit | {row['label']} | {row['attribute']} {row['operator']} {row['value']} |"
            f" {row['points']} | {support.get((row['criterion'], None, row['value']), 0)} |"
        )
    return "\n".join(lines) + "\n"
