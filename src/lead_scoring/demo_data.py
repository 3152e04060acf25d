"""Deterministic generator of realistic, contract-shaped B2B lead data.

Every random draw comes from one ``numpy`` generator seeded by the caller, so the same
arguments always give the same rows. Numbers are drawn in NumPy; text columns (keys, emails,
subjects, timestamps) are then built by DuckDB in one vectorised pass, which keeps tens of
millions of events within seconds.

Conversions are planted: a contact's chance to convert rises with its fit (industry, size,
seniority, work email) and with its buying intent, which also drives how often and how
recently it visits key pages, downloads case studies and asks for a demo.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

DEMO_END_DATE = dt.date(2026, 9, 30)
"""Last day of the demo activity log; the demo is scored as of this date."""

HISTORY_DAYS = 365

INDUSTRIES = [
    ("Software", 0.24),
    ("Financial Services", 0.12),
    ("Manufacturing", 0.12),
    ("Healthcare", 0.10),
    ("Retail", 0.12),
    ("Education", 0.08),
    ("Media", 0.07),
    ("Logistics", 0.07),
    ("Government", 0.04),
    ("Energy", 0.04),
]
TARGET_INDUSTRIES = {"Software", "Financial Services", "Manufacturing", "Healthcare"}

# The planted ground truth. A contact's latent fit is a weighted sum of what it is; its odds of
# converting (log-odds) are CONVERSION_LOGIT["intercept"] + CONVERSION_LOGIT["fit"] * fit +
# CONVERSION_LOGIT["strong_signals"] * log(1 + its strong buying signals), and fit also raises
# how active it is. A learner should recover these signs and this order.
FIT_EFFECTS = {
    "target_industry": 0.9,  # TARGET_INDUSTRIES
    "mid_market": 0.7,  # 200 to 4,999 employees
    "senior_title": 0.5,  # JOB_TITLES of seniority 2
    "manager_title": 0.2,  # seniority 1
    "personal_email": -1.2,  # PERSONAL_DOMAINS, or no account
}
CONVERSION_LOGIT = {"intercept": -3.9, "fit": 0.9, "strong_signals": 0.6}
# strong buying signals: these subject families, and these event types
STRONG_SUBJECT_FAMILIES = ("pricing", "case-study", "roi-calculator")
STRONG_EVENT_TYPES = ("demo_request", "contact_request", "webinar_attendance")

COUNTRIES = [
    ("US", 0.30),
    ("GB", 0.10),
    ("FR", 0.12),
    ("DE", 0.10),
    ("CA", 0.05),
    ("BE", 0.03),
    ("CH", 0.03),
    ("RO", 0.02),
    ("ES", 0.06),
    ("IT", 0.05),
    ("NL", 0.04),
    ("IN", 0.05),
    ("BR", 0.03),
    ("AU", 0.02),
]
COUNTRY_NAMES = {"US": "United States", "GB": "United Kingdom", "FR": "France", "DE": "Germany"}

# (title, seniority level 0-2, weight)
JOB_TITLES = [
    ("Chief Executive Officer", 2, 0.02),
    ("Chief Technology Officer", 2, 0.02),
    ("VP Marketing", 2, 0.04),
    ("Vice President of Sales", 2, 0.03),
    ("Head of Growth", 2, 0.04),
    ("Director of Operations", 2, 0.05),
    ("IT Director", 2, 0.04),
    ("Marketing Manager", 1, 0.09),
    ("Product Manager", 1, 0.07),
    ("Sales Manager", 1, 0.06),
    ("Team Lead, Data", 1, 0.04),
    ("Software Engineer", 0, 0.12),
    ("Data Analyst", 0, 0.10),
    ("Marketing Specialist", 0, 0.09),
    ("Consultant", 0, 0.07),
    ("Student", 0, 0.05),
    ("Account Executive", 0, 0.07),
]

PERSONAL_DOMAINS = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com"]
LEAD_SOURCES = [
    ("organic_search", 0.30),
    ("paid_search", 0.15),
    ("linkedin", 0.15),
    ("referral", 0.10),
    ("event", 0.10),
    ("webinar", 0.10),
    ("direct", 0.10),
]

# (event_type, subject family, weight for a low-intent visitor, weight for a buyer)
EVENT_KINDS = [
    ("page_view", "blog", 0.36, 0.10),
    ("page_view", "docs", 0.12, 0.06),
    ("page_view", "careers", 0.04, 0.00),
    ("page_view", "pricing", 0.008, 0.14),
    ("page_view", "product", 0.015, 0.12),
    ("page_view", "solutions", 0.007, 0.08),
    ("email_open", "newsletter", 0.25, 0.08),
    ("email_click", "newsletter", 0.05, 0.05),
    ("content_download", "ebook", 0.012, 0.03),
    ("content_download", "guide", 0.008, 0.03),
    ("content_download", "whitepaper", 0.005, 0.03),
    ("content_download", "case-study", 0.005, 0.05),
    ("content_download", "roi-calculator", 0.002, 0.03),
    ("content_download", "analyst-report", 0.003, 0.02),
    ("webinar_registration", "webinar", 0.01, 0.04),
    ("webinar_attendance", "webinar", 0.004, 0.03),
    ("form_submission", "form", 0.02, 0.03),
    ("demo_request", "form", 0.001, 0.03),
    ("contact_request", "form", 0.001, 0.02),
    ("unsubscribe", "none", 0.015, 0.001),
    ("chat_started", "none", 0.005, 0.01),
]

SUBJECTS = {
    "blog": [f"/blog/post-{i}" for i in range(1, 41)],
    "docs": [f"/docs/page-{i}" for i in range(1, 21)],
    "careers": ["/careers", "/careers/engineering"],
    "pricing": ["/pricing", "/pricing/enterprise"],
    "product": ["/product", "/product/scoring", "/product/integrations"],
    "solutions": ["/solutions/marketing", "/solutions/sales", "/solutions/revops"],
    "newsletter": [f"newsletter-2026-{m:02d}" for m in range(1, 13)],
    "ebook": ["ebook/lead-scoring-101", "ebook/b2b-funnel"],
    "guide": ["guide/grid-design", "guide/mql-handoff"],
    "whitepaper": ["whitepaper/intent-data"],
    "case-study": ["case-study/acme", "case-study/globex"],
    "roi-calculator": ["roi-calculator/v2"],
    "analyst-report": ["analyst-report/wave-2026"],
    "webinar": ["webinar-101", "webinar-102", "webinar-103", "webinar-104"],
    "form": ["Contact us", "Demo request", "Newsletter signup"],
    "none": [""],
}


@dataclass(frozen=True)
class DemoSize:
    """How many rows of each table to generate."""

    contacts: int = 2_400
    accounts: int = 300
    events: int = 60_000


def _choice(rng: np.random.Generator, weighted: list[tuple], size: int) -> np.ndarray:
    """Indices into ``weighted`` drawn with its last element as the weight."""
    weights = np.array([row[-1] for row in weighted], dtype=float)
    return rng.choice(len(weighted), size=size, p=weights / weights.sum())


def _accounts(rng: np.random.Generator, size: DemoSize) -> pa.Table:
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


def _contacts(rng: np.random.Generator, size: DemoSize, accounts: pa.Table) -> pa.Table:
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


def _events(rng: np.random.Generator, size: DemoSize, contacts: pa.Table) -> pa.Table:
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


def _conversions(rng: np.random.Generator, contacts: pa.Table, events: pa.Table) -> pa.Table:
    """Plant conversions: fit and buying behaviour raise the odds, and the deal closes weeks
    after the contact's latest buying signal."""
    n = contacts.num_rows
    kind = events.column("kind").to_numpy()
    contact_index = events.column("contact_no").to_numpy() - 1
    days_back = events.column("days_back").to_numpy()
    kind_names = np.array([k[1] for k in EVENT_KINDS])
    type_names = np.array([k[0] for k in EVENT_KINDS])
    strong = np.isin(kind_names[kind], STRONG_SUBJECT_FAMILIES) | np.isin(
        type_names[kind], STRONG_EVENT_TYPES
    )
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


def generate(
    con: duckdb.DuckDBPyConnection,
    schema: str,
    size: DemoSize = DemoSize(),
    seed: int = 42,
    end_date: dt.date = DEMO_END_DATE,
) -> dict[str, int]:
    """Write contacts, accounts, events and conversions into ``schema`` of ``con``.

    Returns the row count of each table. The same ``size``, ``seed`` and ``end_date`` always
    give the same rows.
    """
    rng = np.random.default_rng(seed)
    accounts = _accounts(rng, size)
    contacts = _contacts(rng, size, accounts)
    events = _events(rng, size, contacts)
    conversions = _conversions(rng, contacts, events)

    kinds = pa.table(
        {
            "kind": np.arange(len(EVENT_KINDS)),
            "event_type": [k[0] for k in EVENT_KINDS],
            "family": [k[1] for k in EVENT_KINDS],
        }
    )
    subjects = pa.table(
        {
            "family": [f for f, items in SUBJECTS.items() for _ in items],
            "item_no": [i for items in SUBJECTS.values() for i in range(len(items))],
            "item_count": [len(items) for items in SUBJECTS.values() for _ in items],
            "subject": [s for items in SUBJECTS.values() for s in items],
        }
    )
    for name, table in {
        "gen_accounts": accounts,
        "gen_contacts": contacts,
        "gen_events": events,
        "gen_conversions": conversions,
        "gen_kinds": kinds,
        "gen_subjects": subjects,
    }.items():
        con.register(name, table)

    end = f"timestamp '{end_date.isoformat()} 00:00:00'"
    con.execute(f'create schema if not exists "{schema}"')
    con.execute(
        f"""
        create or replace table "{schema}".accounts as
        select
            'A' || lpad(account_no::varchar, 6, '0') as account_id,
            'Company ' || account_no as account_name,
            'company' || account_no || '.example.com' as domain,
            industry,
            employee_count::integer as employee_count,
            annual_revenue::decimal(18, 2) as annual_revenue,
            country_code as country
        from gen_accounts
        order by account_no
        """
    )
    contacts_select = f"""
        select
            'C' || lpad(c.contact_no::varchar, 7, '0') as contact_id,
            case when c.account_no is not null
                then 'A' || lpad(c.account_no::varchar, 6, '0') end as account_id,
            'lead' || c.contact_no || '@' || case
                when c.is_personal_email then c.personal_domain
                else 'company' || c.account_no || '.example.com'
            end as email,
            c.job_title,
            case when c.has_phone
                then '+1 555 ' || lpad((c.contact_no % 10000000)::varchar, 7, '0') end as phone,
            c.country,
            c.is_decision_maker,
            c.lead_source,
            {end} - to_days({HISTORY_DAYS} - c.created_day) as created_at,
            {end} - to_days({HISTORY_DAYS} - c.created_day) + to_days(c.updated_lag_days)
                as updated_at
        from gen_contacts as c
    """
    # about 1 % of contacts are exported twice, the older copy with a stale title
    con.execute(
        f"""
        create or replace table "{schema}".contacts as
        with base as ({contacts_select})
        select * from base
        union all
        select * replace (
            'Former ' || job_title as job_title,
            updated_at - interval 30 day as updated_at
        )
        from base
        where hash(contact_id) % 100 = 0
        union all
        -- a handful of contacts point at an account the CRM never exported
        select * replace ('X' || contact_id as contact_id, 'A999999' as account_id)
        from base where hash(contact_id) % 400 = 1
        order by contact_id, updated_at
        """
    )
    con.execute(
        f"""
        create or replace table "{schema}".events as
        with built as (
            select
                'E' || lpad(e.event_no::varchar, 9, '0') as event_id,
                'C' || lpad(e.contact_no::varchar, 7, '0') as contact_id,
                k.event_type,
                nullif(s.subject, '') as subject,
                {end} + interval 1 day - to_days(e.days_back + 1)
                    + to_seconds(e.second_of_day) as occurred_at
            from gen_events as e
            inner join gen_kinds as k on e.kind = k.kind
            inner join gen_subjects as s
                on k.family = s.family
                and s.item_no = least(floor(e.subject_pick * s.item_count), s.item_count - 1)
        )
        select * from built
        union all
        -- the log delivers about 0.2 % of events twice
        select * from built where hash(event_id) % 500 = 0
        union all
        -- and, like any real log, a few rows a scorer must report rather than trust:
        -- a contact_id nobody knows, no contact_id, no timestamp, a conflicting redelivery
        select * replace ('X' || event_id as event_id, 'C9999999' as contact_id)
        from built where hash(event_id) % 4000 = 1
        union all
        select * replace ('X' || event_id as event_id, null as contact_id)
        from built where hash(event_id) % 4000 = 2
        union all
        select * replace ('X' || event_id as event_id, null as occurred_at)
        from built where hash(event_id) % 4000 = 3
        union all
        select * replace ('page_view' as event_type, '/pricing' as subject)
        from built where hash(event_id) % 4000 = 4
        -- a total order: a conflicting redelivery ties with its original on time and id
        order by
            occurred_at nulls last, event_id, event_type, subject nulls first,
            contact_id nulls first
        """
    )
    con.execute(
        f"""
        create or replace table "{schema}".conversions as
        select
            'C' || lpad(contact_no::varchar, 7, '0') as contact_id,
            {end} + interval 1 day - to_days(days_back + 1) + to_seconds(second_of_day)
                as converted_at
        from gen_conversions
        order by converted_at, contact_id
        """
    )
    for name in [
        "gen_accounts",
        "gen_contacts",
        "gen_events",
        "gen_conversions",
        "gen_kinds",
        "gen_subjects",
    ]:
        con.unregister(name)
    return {
        table: con.execute(f'select count(*) from "{schema}".{table}').fetchone()[0]
        for table in ["contacts", "accounts", "events", "conversions"]
    }


TABLES = ("contacts", "accounts", "events", "conversions")


def export(con: duckdb.DuckDBPyConnection, schema: str, directory: Path, fmt: str) -> None:
    """Copy the generated tables of ``schema`` to ``directory`` as CSV or Parquet files."""
    directory.mkdir(parents=True, exist_ok=True)
    options = "(format csv, header true)" if fmt == "csv" else "(format parquet)"
    for table in TABLES:
        target = directory / f"{table}.{fmt}"
        con.execute(f"copy \"{schema}\".{table} to '{target.as_posix()}' {options}")
