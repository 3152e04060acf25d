"""The demo's first-edition tables (contract section 1): accounts, contacts, their events and
the conversions planted from their fit and buying intent, drawn as NumPy arrays."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from lead_scoring.demo.distributions import (
    CONVERSION_LOGIT,
    COUNTRIES,
    COUNTRY_NAMES,
    EVENT_KINDS,
    FIT_EFFECTS,
    HISTORY_DAYS,
    INDUSTRIES,
    JOB_TITLES,
    LEAD_SOURCES,
    PERSONAL_DOMAINS,
    STRONG_EVENT_TYPES,
    STRONG_SUBJECT_FAMILIES,
    TARGET_INDUSTRIES,
    DemoSize,
)


def _choice(rng: np.random.Generator, weighted: list[tuple], size: int) -> np.ndarray:
    """Indices into ``weighted`` drawn with its last element as the weight."""
    weights = np.array([row[-1] for row in weighted], dtype=float)
    return rng.choice(len(weighted), size=size, p=weights / weights.sum())


def draw_accounts(rng: np.random.Generator, size: DemoSize) -> pa.Table:
    n = size.accounts
    industry = _choice(rng, INDUSTRIES, n)
    employees = np.clip(np.round(np.exp(rng.normal(5.3, 1.7, n))), 3, 200_000).astype(np.int64)
    revenue_per_employee = rng.uniform(60_000, 320_000, n)
    revenue = np.round(employees * revenue_per_employee, -3)
    revenue_known = rng.random(n) > 0.08
    return pa.table(
        {
            "account_no": np.arange(1, n + 1),
            "industry": pa.array([INDUSTRIES[i][0] for i in industry]),
            "employee_count": employees,
            "annual_revenue": pa.array(revenue, mask=~revenue_known),
            "country_code": pa.array([COUNTRIES[i][0] for i in _choice(rng, COUNTRIES, n)]),
        }
    )


def draw_contacts(rng: np.random.Generator, size: DemoSize, accounts: pa.Table) -> pa.Table:
    n = size.contacts
    account_index = rng.integers(0, size.accounts, n)
    has_account = rng.random(n) > 0.07
    title = _choice(rng, JOB_TITLES, n)
    seniority = np.array([JOB_TITLES[i][1] for i in title])
    personal_email = (rng.random(n) < 0.14) | ~has_account
    decision_maker = np.where(rng.random(n) < 0.35, None, (seniority == 2) | (rng.random(n) < 0.08))
    industries = np.array(accounts.column("industry").to_pylist())[account_index]
    employees = accounts.column("employee_count").to_numpy()[account_index]
    target_industry = np.isin(industries, list(TARGET_INDUSTRIES)) & has_account
    mid_market = (employees >= 200) & (employees < 5000) & has_account
    fit = (
        FIT_EFFECTS["target_industry"] * target_industry
        + FIT_EFFECTS["mid_market"] * mid_market
        + FIT_EFFECTS["senior_title"] * (seniority == 2)
        + FIT_EFFECTS["manager_title"] * (seniority == 1)
        + FIT_EFFECTS["personal_email"] * personal_email
    )
    intent = rng.gamma(0.6, 1.0, n) * np.exp(0.35 * fit)
    account_country = np.array(accounts.column("country_code").to_pylist())[account_index]
    spelled = rng.random(n) < 0.15
    # contacts sometimes type their country out instead of its ISO code
    country = np.where(spelled, [COUNTRY_NAMES.get(c, c) for c in account_country], account_country)
    created_day = rng.integers(0, HISTORY_DAYS, n)
    return pa.table(
        {
            "contact_no": np.arange(1, n + 1),
            "account_no": pa.array(account_index + 1, mask=~has_account),
            "is_personal_email": personal_email,
            "personal_domain": pa.array(
                [PERSONAL_DOMAINS[i] for i in rng.integers(0, len(PERSONAL_DOMAINS), n)]
            ),
            "job_title": pa.array([JOB_TITLES[i][0] for i in title]),
            "has_phone": rng.random(n) < 0.55 + 0.1 * seniority,
            "country": pa.array(country),
            "is_decision_maker": pa.array(decision_maker.tolist(), type=pa.bool_()),
            "lead_source": pa.array([LEAD_SOURCES[i][0] for i in _choice(rng, LEAD_SOURCES, n)]),
            "created_day": created_day,
            "updated_lag_days": rng.integers(0, 60, n),
            "fit": fit,
            "intent": intent,
        }
    )


def draw_events(rng: np.random.Generator, size: DemoSize, contacts: pa.Table) -> pa.Table:
    intent = contacts.column("intent").to_numpy()
    rate = 0.3 + intent
    per_contact = rng.poisson(rate / rate.sum() * size.events)
    contact_index = np.repeat(np.arange(size.contacts), per_contact)
    n = len(contact_index)
    buyer_share = np.clip((intent[contact_index] - 0.9) / 3.0, 0.0, 0.9)
    is_buyer_event = rng.random(n) < buyer_share
    low = np.array([kind[2] for kind in EVENT_KINDS])
    high = np.array([kind[3] for kind in EVENT_KINDS])
    kind_low = rng.choice(len(EVENT_KINDS), size=n, p=low / low.sum())
    kind_high = rng.choice(len(EVENT_KINDS), size=n, p=high / high.sum())
    kind = np.where(is_buyer_event, kind_high, kind_low)
    # buyers' activity bunches up in the recent weeks; everyone else's is spread out
    recency_scale = np.where(is_buyer_event, 60.0, 400.0)
    days_back = np.minimum(rng.exponential(recency_scale), HISTORY_DAYS - 1).astype(np.int64)
    subject_pick = rng.random(n)
    return pa.table(
        {
            "event_no": np.arange(1, n + 1),
            "contact_no": contact_index + 1,
            "kind": kind,
            "subject_pick": subject_pick,
            "days_back": days_back,
            "second_of_day": rng.integers(0, 86_400, n),
        }
    )


def is_kind_of(
    kind: np.ndarray, event_types: tuple[str, ...], families: tuple[str, ...]
) -> np.ndarray:
    """Which events (by their index into EVENT_KINDS) have one of ``event_types`` or a subject
    of one of ``families``."""
    matches = np.array(
        [event_type in event_types or family in families for event_type, family, *_ in EVENT_KINDS]
    )
    return matches[kind]


def draw_conversions(rng: np.random.Generator, contacts: pa.Table, events: pa.Table) -> pa.Table:
    """Plant conversions: fit and buying behaviour raise the odds, and the deal closes weeks
    after the contact's latest buying signal."""
    n = contacts.num_rows
    kind = events.column("kind").to_numpy()
    contact_index = events.column("contact_no").to_numpy() - 1
    days_back = events.column("days_back").to_numpy()
    strong = is_kind_of(kind, STRONG_EVENT_TYPES, STRONG_SUBJECT_FAMILIES)
    strong_counts = np.bincount(contact_index[strong], minlength=n)
    last_strong_back = np.full(n, HISTORY_DAYS, dtype=np.int64)
    np.minimum.at(last_strong_back, contact_index[strong], days_back[strong])
    fit = contacts.column("fit").to_numpy()
    logit = (
        CONVERSION_LOGIT["intercept"]
        + CONVERSION_LOGIT["fit"] * fit
        + CONVERSION_LOGIT["strong_signals"] * np.log1p(strong_counts)
    )
    converts = rng.random(n) < 1 / (1 + np.exp(-logit))
    lag = rng.integers(7, 75, n)
    converted_days_back = last_strong_back - lag
    chosen = np.flatnonzero(converts)
    return pa.table(
        {
            "contact_no": chosen + 1,
            "days_back": converted_days_back[chosen],
            "second_of_day": rng.integers(0, 86_400, len(chosen)),
        }
    )
