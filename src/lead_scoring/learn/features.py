"""The learner's candidate features, in the grid's own form, read from the dbt models
`int_learning_leads`, `int_learning_activity_counts` and `int_learning_attribute_values`.

- activity: one criterion per event type and per frequent subject group of it (`/pricing`,
  `ebook`), with nested tier indicators 1+/2+/5+/10+ of its events in the window (the
  points of a tier are the sum of the increments up to it), each carrying the days since
  the criterion's last event so that a decay can be tried;
- fit: each frequent value of a text attribute (`equals`), quantile bins of a numeric one
  (`between`), frequent job-title words (`contains_any`), frequent e-mail domains
  (`email_domain_in`) and whether a phone is given (`is_present`).

Rows are sorted here, never by the warehouse, so every engine gives the same features.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from itertools import pairwise

import numpy as np

from lead_scoring.grid import TIERS
from lead_scoring.warehouse import fetch_in_batches

HEAVY_USE_FROM = 5
# attributes that identify a contact or an account rather than describe it; e-mail, title
# and phone are read through their own operators below
IDENTIFIERS = {
    "contacts.account_id",
    "accounts.account_name",
    "accounts.domain",
    "lead.is_customer",
}
SPECIAL_ATTRIBUTES = {"contacts.email", "contacts.job_title", "contacts.phone"}
NUMERIC_BINS = (0.2, 0.4, 0.6, 0.8)


class LearnError(Exception):
    """Input the learner cannot learn from; nothing has been written."""


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "any"


@dataclass
class ActivityCandidate:
    """An activity criterion the learner may keep: its match rules and, per lead that has
    events, the count and the days since the last one."""

    criterion: str
    label: str
    match_rules: list[tuple[str, str | None]]
    leads: np.ndarray  # lead positions
    counts: np.ndarray
    days_since_last: np.ndarray
    tiers: list[int] = field(default_factory=list)  # tiers with enough support
    # a heavy-use twin: the same events from 5 on, scored against its criterion's sign
    # (many page views from a bot); its lower tiers are written as 0
    opposes: str | None = None

    def reached(self, lead_count: int) -> np.ndarray:
        """The highest supported tier each lead reaches (0 = none)."""
        tier = np.zeros(lead_count, dtype=int)
        for position, minimum in enumerate(self.tiers, start=1):
            tier[self.leads[self.counts >= minimum]] = position
        return tier

    def days(self, lead_count: int) -> np.ndarray:
        days = np.zeros(lead_count)
        days[self.leads] = self.days_since_last
        return days


@dataclass
class FitCandidate:
    """A fit rule the learner may keep, and the leads it matches."""

    criterion: str
    label: str
    attribute: str
    operator: str
    value: str
    matches: np.ndarray  # bool per lead


@dataclass
class LearningData:
    contact_ids: list[str]
    labels: np.ndarray
    activity: list[ActivityCandidate]
    fit: list[FitCandidate]


def decay(days: np.ndarray, half_life: float) -> np.ndarray:
    """contract section 6: 0.5 ^ (days since the last counted event / half-life)."""
    return np.power(0.5, np.asarray(days, dtype=float) / half_life)


def read(cursor, relations: dict[str, str], min_support: float, max_subject_groups: int):
    """The leads (ordered by lead_key), their outcomes and the candidate features."""
    sql = f"select lead_key, contact_id, is_positive from {relations['int_learning_leads']}"
    leads = sorted(
        (str(key), str(contact), bool(positive))
        for batch in fetch_in_batches(cursor, sql)
        for key, contact, positive in batch
    )
    contact_ids = [contact for _, contact, _ in leads]
    labels = np.array([positive for _, _, positive in leads], dtype=int)
    min_count = max(5, int(np.ceil(min_support * len(contact_ids))))
    position = {contact: i for i, contact in enumerate(contact_ids)}
    activity = _activity_candidates(
        cursor,
        relations["int_learning_activity_counts"],
        position,
        min_count,
        max_subject_groups,
    )
    fit = _fit_candidates(cursor, relations["int_learning_attribute_values"], position, min_count)
    return LearningData(contact_ids, labels, activity, fit), min_count


def _activity_candidates(cursor, relation, position, min_count, max_subject_groups):
    rows: dict[tuple[str, str | None], list] = defaultdict(lambda: [[], [], []])
    sql = (
        "select contact_id, event_type, subject_group, event_count, days_since_last_event"
        f" from {relation}"
    )
    for batch in fetch_in_batches(cursor, sql):
        for contact, event_type, group, count, days in batch:
            lists = rows[(str(event_type), None if group is None else str(group))]
            lists[0].append(position[str(contact)])
            lists[1].append(int(count))
            lists[2].append(int(days))
    support = {key: len(lists[0]) for key, lists in rows.items()}
    chosen: list[tuple[str, str | None]] = []
    for event_type in sorted({event_type for event_type, _ in rows}):
        if support.get((event_type, None), 0) >= min_count:
            chosen.append((event_type, None))
        # a `%` in a group would be read as a wildcard by the match rule's LIKE
        groups = sorted(
            (-support[key], key[1])
            for key in rows
            if key[0] == event_type
            and key[1] is not None
            and "%" not in key[1]
            and support[key] >= min_count
        )[:max_subject_groups]
        chosen.extend((event_type, group) for _, group in sorted(groups, key=lambda g: g[1]))
    candidates, names = [], set()
    for event_type, group in chosen:
        order = np.argsort(rows[(event_type, group)][0], kind="stable")
        leads, counts, days = (np.asarray(values)[order] for values in rows[(event_type, group)])
        # `/case-study` and `case_study` slug alike: a criterion key must stay unique
        name = slug(event_type) + (f"__{slug(group)}" if group else "")
        name = next(n for n in (name, *(f"{name}_{i}" for i in range(2, 99))) if n not in names)
        names.add(name)
        candidate = ActivityCandidate(
            criterion=name,
            label=event_type.replace("_", " ").capitalize() + (f" {group}" if group else ""),
            # the group itself, and anything below it
            match_rules=[(event_type, None)]
            if group is None
            else [(event_type, group), (event_type, f"{group}/%")],
            leads=leads,
            counts=counts,
            days_since_last=days,
        )
        for tier in TIERS:
            if int((counts >= tier).sum()) < min_count:
                break
            candidate.tiers.append(tier)
        if candidate.tiers:
            candidates.append(candidate)
    return candidates + heavy_use_twins(candidates)


def heavy_use_twins(candidates: list[ActivityCandidate]) -> list[ActivityCandidate]:
    """For each criterion whose 5+ tier has support, a twin that counts from 5 events on
    with the opposite sign: with it a grid can say "more is better, up to a point" and
    still keep every criterion monotone with one sign."""
    return [
        replace(
            candidate,
            criterion=f"{candidate.criterion}__5_plus",
            label=f"{candidate.label}, 5 or more",
            tiers=[tier for tier in candidate.tiers if tier >= HEAVY_USE_FROM],
            opposes=candidate.criterion,
        )
        for candidate in candidates
        if HEAVY_USE_FROM in candidate.tiers
    ]


def _fit_candidates(cursor, relation, position, min_count):
    lead_count = len(position)
    texts: dict[str, dict[int, str]] = defaultdict(dict)
    numbers: dict[str, dict[int, float]] = defaultdict(dict)
    sql = f"select contact_id, attribute, attribute_value, attribute_number from {relation}"
    for batch in fetch_in_batches(cursor, sql):
        for contact, attribute, value, number in batch:
            attribute = str(attribute)
            if attribute in IDENTIFIERS:
                continue
            lead = position[str(contact)]
            texts[attribute][lead] = str(value)
            if number is not None:
                numbers[attribute][lead] = float(number)
    candidates: list[FitCandidate] = []

    def add(criterion, label, attribute, operator, value, leads):
        matches = np.zeros(lead_count, dtype=bool)
        matches[list(leads)] = True
        if min_count <= int(matches.sum()) <= lead_count - min_count:
            candidates.append(FitCandidate(criterion, label, attribute, operator, value, matches))

    for attribute in sorted(texts):
        values = texts[attribute]
        name = attribute.split(".", 1)[1].replace("_", " ").capitalize()
        if attribute == "contacts.email":
            by_domain = _group(
                (lead, text.split("@")[1]) for lead, text in values.items() if "@" in text
            )
            for domain in sorted(by_domain):
                add(
                    "email_domain",
                    f"E-mail at {domain}",
                    attribute,
                    "email_domain_in",
                    domain,
                    by_domain[domain],
                )
        elif attribute == "contacts.job_title":
            # contains_any matches text anywhere in the title, so the feature does too
            by_title = _group(values.items())  # each distinct title read once
            words = sorted(
                {w for text in by_title for w in re.findall(r"[a-z]+", text) if len(w) > 1}
            )
            for word in words:
                leads = [lead for text, group in by_title.items() if word in text for lead in group]
                if len(leads) >= min_count:
                    add(
                        f"title_{slug(word)}",
                        f"Title says {word}",
                        attribute,
                        "contains_any",
                        word,
                        leads,
                    )
        elif attribute == "contacts.phone":
            add("phone_provided", "Phone provided", attribute, "is_present", "", values)
        elif len(numbers[attribute]) == len(values):
            _add_bins(add, attribute, name, numbers[attribute], min_count)
        else:
            by_value = _group(values.items())
            for value in sorted(by_value):
                if "|" not in value:
                    add(
                        slug(attribute),
                        f"{name} {value}",
                        attribute,
                        "equals",
                        value,
                        by_value[value],
                    )
    return candidates


def _group(pairs) -> dict[str, list[int]]:
    """The leads of each value, from (lead, value) pairs."""
    grouped: dict[str, list[int]] = defaultdict(list)
    for lead, value in pairs:
        grouped[value].append(lead)
    return grouped


def _add_bins(add, attribute, name, numbers: dict[int, float], min_count: int) -> None:
    """Quantile bins of a numeric attribute as disjoint `between` rules (whole numbers)."""
    leads = np.fromiter(numbers.keys(), dtype=int, count=len(numbers))
    known = np.fromiter(numbers.values(), dtype=float, count=len(numbers))
    if len(known) < min_count:
        return
    edges = np.unique(np.floor(np.quantile(known, NUMERIC_BINS)))
    bounds = [float(np.floor(known.min())), *edges, None]
    for low, high in pairwise(bounds):
        upper = 1e15 if high is None else high - 1
        if upper < low:
            continue
        add(
            slug(attribute),
            f"{name} {low:,.0f} to " + ("more" if high is None else f"{upper:,.0f}"),
            attribute,
            "between",
            f"{low:.0f}|{upper:.0f}",
            leads[(known >= low) & (known <= upper)],
        )
