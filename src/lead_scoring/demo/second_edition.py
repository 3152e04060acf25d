"""What the second edition of the grid language reads (contract section 6), drawn from a
generator of its own so that every first-edition row stays as it was: columns outside the
contract, long-form CRM properties, add-on conversions and sales' verdicts."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from lead_scoring.demo.distributions import (
    ATTRIBUTE_SHARES,
    ATTRIBUTE_SPELLINGS,
    BUDGET_SPELLINGS,
    COUNTRY_NAMES,
    DEFAULT_LANGUAGES,
    DEPARTMENT_SPELLINGS,
    DEPARTMENTS,
    FEEDBACK_WINDOW_DAYS,
    FUNDING_BY_SIZE,
    FUNDING_STAGES,
    HISTORY_DAYS,
    JOB_TITLES,
    LANGUAGES,
    ONE_OFF_DEPARTMENTS,
    PERSONA_WEIGHTS,
    PERSONAS,
    REJECTION_REASONS,
    STRONG_EVENT_TYPES,
    STRONG_SUBJECT_FAMILIES,
    TITLE_DEPARTMENTS,
    UPSELL_ALREADY_OWNED,
    UPSELL_EVENT_TYPES,
    UPSELL_HORIZON_DAYS,
    UPSELL_LOGIT,
    UPSELL_SUBJECT_FAMILIES,
    UPSELL_WINDOW_DAYS,
    DemoSize,
)
from lead_scoring.demo.leads import is_kind_of


def second_edition_rng(seed: int) -> np.random.Generator:
    """The random stream of everything contract section 6 added: independent of the first
    edition's ``default_rng(seed)`` and drawn after it, so its rows never move."""
    return np.random.default_rng(np.random.SeedSequence(seed).spawn(1)[0])


def _draw_each(rng: np.random.Generator, weights: np.ndarray) -> np.ndarray:
    """One column index per row of ``weights`` (rows x options), drawn with that row's
    weights."""
    cumulative = np.cumsum(weights, axis=1)
    drawn = rng.random(len(weights)) * cumulative[:, -1]
    return (drawn[:, None] >= cumulative).sum(axis=1)


def _respell(
    rng: np.random.Generator, values: np.ndarray, spellings: dict[str, list[tuple[str, float]]]
) -> np.ndarray:
    """``values`` with each canonical value of ``spellings`` replaced by its listed
    spellings at their shares (the rest keep the canonical spelling)."""
    spelled = values.copy()
    drawn = rng.random(len(values))
    for canonical, variants in spellings.items():
        floor = 0.0
        for spelling, share in variants:
            spelled[(values == canonical) & (drawn >= floor) & (drawn < floor + share)] = spelling
            floor += share
    return spelled


def _stack(*parts: tuple[np.ndarray, ...]) -> list[np.ndarray]:
    """The columns of several parts (tuples of equally long columns), their rows one part
    after the other."""
    return [np.concatenate(column) for column in zip(*parts, strict=True)]


def _title_index(contacts: pa.Table) -> np.ndarray:
    """Each contact's index into JOB_TITLES."""
    index = {title: i for i, (title, _, _) in enumerate(JOB_TITLES)}
    return np.array([index[title] for title in contacts.column("job_title").to_pylist()])


def _sigmoid(logit: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-logit))


def draw_contact_profiles(rng: np.random.Generator, contacts: pa.Table) -> dict[str, pa.Array]:
    """department and years_in_role: columns outside the contract, as a CRM export has them
    (departments loosely follow the title, in several spellings, some blank)."""
    n = contacts.num_rows
    title = _title_index(contacts)
    seniority = np.array([level for _, level, _ in JOB_TITLES])[title]
    student = np.array([name for name, _, _ in JOB_TITLES])[title] == "Student"
    usual = np.array(
        [[TITLE_DEPARTMENTS[name].get(d, 0.0) for d in DEPARTMENTS] for name, _, _ in JOB_TITLES]
    )
    names = np.array(list(DEPARTMENTS), dtype=object)
    department = names[_draw_each(rng, usual[title])]
    # the title is a loose guide: some sit elsewhere, now and then in a rare department
    elsewhere = rng.random(n) < 0.12
    anywhere_weights = np.array(list(DEPARTMENTS.values()), dtype=float)
    anywhere = rng.choice(len(DEPARTMENTS), size=n, p=anywhere_weights / anywhere_weights.sum())
    department = np.where(elsewhere, names[anywhere], department)
    department = _respell(rng, department, DEPARTMENT_SPELLINGS)
    one_off = rng.choice(n, size=min(n, max(3, n // 400)), replace=False)
    department[one_off] = [
        ONE_OFF_DEPARTMENTS[i % len(ONE_OFF_DEPARTMENTS)] for i in range(len(one_off))
    ]
    department[rng.random(n) < np.where(student, 0.5, 0.13)] = None

    years = np.floor(rng.gamma(1.2 + 0.8 * seniority, 2.0)).astype(np.int64)
    years = np.where(student, np.minimum(years, 1), np.minimum(years, 30))
    return {
        "department": pa.array(department, type=pa.string()),
        "years_in_role": pa.array(years, mask=rng.random(n) < 0.2),
    }


def draw_funding_stages(rng: np.random.Generator, accounts: pa.Table) -> pa.Array:
    """funding_stage, likelier later for larger companies; typed by hand, a quarter blank."""
    n = accounts.num_rows
    employees = accounts.column("employee_count").to_numpy()
    bucket = np.searchsorted([low for low, _ in FUNDING_BY_SIZE], employees, side="right") - 1
    weights = np.array([stage_weights for _, stage_weights in FUNDING_BY_SIZE])[bucket]
    stage = np.array(FUNDING_STAGES, dtype=object)[_draw_each(rng, weights)]
    restyles = [str, str.lower, str.upper, lambda text: text + " ", lambda text: " " + text]
    style = rng.choice(len(restyles), size=n, p=[0.88, 0.04, 0.03, 0.03, 0.02])
    stage = np.array(
        [restyles[k](text) for k, text in zip(style, stage, strict=True)], dtype=object
    )
    stage[rng.random(n) < 0.25] = None
    return pa.array(stage, type=pa.string())


def draw_upsells(
    rng: np.random.Generator, size: DemoSize, events: pa.Table, conversions: pa.Table
) -> pa.Table:
    """Plant add-on conversions of the contacts that are customers on the end date: some
    bought it already (a week or more after the platform), and the odds of buying it in the
    horizon after the end date rise with the upsell signals of the window before it."""
    kind = events.column("kind").to_numpy()
    contact_index = events.column("contact_no").to_numpy() - 1
    days_back = events.column("days_back").to_numpy()
    in_window = is_kind_of(kind, UPSELL_EVENT_TYPES, UPSELL_SUBJECT_FAMILIES) & (
        days_back < UPSELL_WINDOW_DAYS
    )
    signals = np.bincount(contact_index[in_window], minlength=size.contacts)

    platform_back = conversions.column("days_back").to_numpy()
    is_customer = platform_back >= 0
    customer = conversions.column("contact_no").to_numpy()[is_customer] - 1
    since = platform_back[is_customer]  # days from the platform purchase to the end date
    m = len(customer)
    owned = (since >= 30) & (rng.random(m) < UPSELL_ALREADY_OWNED)
    logit = UPSELL_LOGIT["intercept"] + UPSELL_LOGIT["signals"] * np.log1p(signals[customer])
    buys = ~owned & (rng.random(m) < _sigmoid(logit))
    owned_back = rng.integers(0, np.maximum(since - 7, 1))
    later_back = -rng.integers(1, UPSELL_HORIZON_DAYS + 1, m)
    second_of_day = rng.integers(0, 86_400, m)
    chosen = owned | buys
    return pa.table(
        {
            "contact_no": customer[chosen] + 1,
            "days_back": np.where(owned, owned_back, later_back)[chosen],
            "second_of_day": second_of_day[chosen],
        }
    )


def draw_contact_attributes(
    rng: np.random.Generator, size: DemoSize, contacts: pa.Table
) -> pa.Table:
    """Long-form CRM properties of about 60 % of contacts, as an export delivers them:
    attribute names in several spellings, some properties written twice (the later row is
    the current value), a few blank values and a few rows of contacts that no longer exist."""
    n = size.contacts
    title = _title_index(contacts)
    seniority = np.array([level for _, level, _ in JOB_TITLES])[title]
    student = np.array([name for name, _, _ in JOB_TITLES])[title] == "Student"
    fit = contacts.column("fit").to_numpy()
    intent = contacts.column("intent").to_numpy()
    codes = {name: code for code, name in COUNTRY_NAMES.items()}
    country = np.array([codes.get(c, c) for c in contacts.column("country").to_pylist()])
    since_created = HISTORY_DAYS - contacts.column("created_day").to_numpy()

    has_properties = rng.random(n) < 0.6
    present = {
        attribute: has_properties & (rng.random(n) < share)
        for attribute, share in ATTRIBUTE_SHARES.items()
    }
    present["persona"] |= has_properties & ~np.any(list(present.values()), axis=0)

    persona_group = np.where(student, 3, seniority)
    persona_weights = np.array([PERSONA_WEIGHTS[g] for g in (0, 1, 2, "student")])
    persona = np.array(PERSONAS, dtype=object)[_draw_each(rng, persona_weights[persona_group])]
    confirmed = rng.random(n) < _sigmoid(-1.0 + 0.8 * np.log1p(intent) + 0.5 * fit)
    budget = _respell(rng, np.where(confirmed, "yes", "no").astype(object), BUDGET_SPELLINGS)
    languages = sorted({lang for w in [*LANGUAGES.values(), DEFAULT_LANGUAGES] for lang in w})
    seen, country_index = np.unique(country, return_inverse=True)
    language_weights = np.array(
        [[LANGUAGES.get(c, DEFAULT_LANGUAGES).get(lang, 0.0) for lang in languages] for c in seen]
    )
    language = np.array(languages, dtype=object)[_draw_each(rng, language_weights[country_index])]
    values = {"persona": persona, "budget_confirmed": budget, "preferred_language": language}

    parts = []
    for attribute, value in values.items():
        rows = np.flatnonzero(present[attribute])
        parts.append(
            (
                rows + 1,
                np.full(len(rows), attribute, dtype=object),
                value[rows],
                rng.integers(0, since_created + 1)[rows],
                rng.integers(0, 86_400, n)[rows],
            )
        )
    contact_no, attribute, value, days_back, second_of_day = _stack(*parts)
    rows = len(contact_no)

    def respelled(names: np.ndarray, share: float) -> np.ndarray:
        pick = rng.integers(0, 2, len(names))
        variant = np.array(
            [ATTRIBUTE_SPELLINGS[a][k] for a, k in zip(names, pick, strict=True)], dtype=object
        )
        return np.where(rng.random(len(names)) < share, variant, names)

    # an older value of the same property, overwritten since (its name spelled either way)
    twice = np.flatnonzero(rng.random(rows) < 0.04)
    older_value = np.select(
        [attribute[twice] == "persona", attribute[twice] == "budget_confirmed"],
        [np.array(PERSONAS[:4], dtype=object)[rng.integers(0, 4, len(twice))], "no"],
        "en",
    )
    older = (
        contact_no[twice],
        respelled(attribute[twice], 0.5),
        older_value,
        days_back[twice] + rng.integers(1, 120, len(twice)),
        second_of_day[twice],
    )
    attribute = respelled(attribute, 0.03)
    once = np.setdiff1d(np.arange(rows), twice)
    value[rng.choice(once, size=min(len(once), max(2, rows // 800)), replace=False)] = None
    # properties of contacts deleted from the CRM since
    unknown = max(3, n // 600)
    deleted = (
        n + 1 + np.arange(unknown),
        np.full(unknown, "persona", dtype=object),
        np.array(PERSONAS, dtype=object)[rng.integers(0, len(PERSONAS), unknown)],
        rng.integers(0, HISTORY_DAYS, unknown),
        rng.integers(0, 86_400, unknown),
    )
    current = (contact_no, attribute, value, days_back, second_of_day)
    columns = _stack(current, older, deleted)
    return pa.table(
        {
            "contact_no": columns[0],
            "attribute": pa.array(columns[1], type=pa.string()),
            "value": pa.array(columns[2], type=pa.string()),
            "days_back": columns[3],
            "second_of_day": columns[4],
        }
    )


def draw_sales_feedback(
    rng: np.random.Generator, size: DemoSize, contacts: pa.Table, events: pa.Table
) -> pa.Table:
    """Sales' verdict on the leads it received: contacts with strong buying signals in the
    recent window, accepted more often the better they fit, rejected for reasons typed by
    hand; a few verdicts revised later, a few given after the end date, a couple for
    contacts that no longer exist."""
    n = size.contacts
    kind = events.column("kind").to_numpy()
    contact_index = events.column("contact_no").to_numpy() - 1
    days_back = events.column("days_back").to_numpy()
    recent = is_kind_of(kind, STRONG_EVENT_TYPES, STRONG_SUBJECT_FAMILIES) & (
        days_back < FEEDBACK_WINDOW_DAYS
    )
    recent_signals = np.bincount(contact_index[recent], minlength=n)
    last_signal_back = np.full(n, HISTORY_DAYS, dtype=np.int64)
    np.minimum.at(last_signal_back, contact_index[recent], days_back[recent])

    handed_over = (recent_signals > 0) & (rng.random(n) < 1 - np.exp(-0.5 * recent_signals))
    feedback_back = last_signal_back - rng.integers(1, 15, n)
    # sales has answered few of the leads it received in the last days
    answered = (feedback_back >= 0) | (rng.random(n) < 0.04)
    fit = contacts.column("fit").to_numpy()
    accepted = rng.random(n) < _sigmoid(-0.8 + 1.2 * fit)

    title = _title_index(contacts)
    junior = np.array([level for _, level, _ in JOB_TITLES])[title] == 0
    student = np.array([name for name, _, _ in JOB_TITLES])[title] == "Student"
    personal = contacts.column("is_personal_email").to_numpy()
    no_phone = ~contacts.column("has_phone").to_numpy()
    # the base weights, raised where the contact gives sales that reason
    weights = np.tile([weight for _, _, weight in REJECTION_REASONS], (n, 1))
    column = {reason: i for i, (reason, _, _) in enumerate(REJECTION_REASONS)}
    weights[:, column["Wrong persona"]] += 0.3 * junior
    weights[:, column["Not reachable"]] += 0.25 * no_phone
    weights[:, column["Student / job seeker"]] += 1.5 * student + 0.3 * personal
    canonical = np.array([reason for reason, _, _ in REJECTION_REASONS], dtype=object)
    reason = _respell(
        rng,
        canonical[_draw_each(rng, weights)],
        {reason: spellings for reason, spellings, _ in REJECTION_REASONS},
    )
    reason = np.where(accepted | (reason == ""), None, reason)
    outcome = np.where(accepted, "accepted", "rejected").astype(object)
    second_of_day = rng.integers(8 * 3600, 19 * 3600, n)
    # a first verdict revised weeks later: often the lead could not be reached at first
    revised = handed_over & answered & (rng.random(n) < 0.05)
    first_back = feedback_back + rng.integers(7, 46, n)
    first_unreachable = rng.random(n) < 0.6

    chosen = np.flatnonzero(handed_over & answered)
    first = np.flatnonzero(revised)
    unknown = max(2, n // 1200)
    columns = _stack(
        (chosen + 1, feedback_back[chosen], outcome[chosen], reason[chosen]),
        (
            first + 1,
            first_back[first],
            np.where(first_unreachable[first], "rejected", "accepted").astype(object),
            np.where(first_unreachable[first], "Not reachable", None),
        ),
        (
            n + 1 + np.arange(unknown),
            rng.integers(0, FEEDBACK_WINDOW_DAYS, unknown),
            np.full(unknown, "rejected", dtype=object),
            np.full(unknown, "Wrong persona", dtype=object),
        ),
    )
    return pa.table(
        {
            "contact_no": columns[0],
            "days_back": columns[1],
            "outcome": pa.array(columns[2], type=pa.string()),
            "reason": pa.array(columns[3], type=pa.string()),
            "second_of_day": np.concatenate(
                [second_of_day[chosen], second_of_day[first], np.full(unknown, 10 * 3600)]
            ),
        }
    )
