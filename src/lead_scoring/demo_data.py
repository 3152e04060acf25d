"""Deterministic generator of realistic, contract-shaped B2B lead data.

Every random draw comes from ``numpy`` generators seeded by the caller, so the same
arguments always give the same rows. Numbers are drawn in NumPy; text columns (keys, emails,
subjects, timestamps) are then built by DuckDB in one vectorised pass, which keeps tens of
millions of events within seconds.

Conversions are planted: a contact's chance to convert rises with its fit (industry, size,
seniority, work email) and with its buying intent, which also drives how often and how
recently it visits key pages, downloads case studies and asks for a demo.

What the second edition of the grid language reads (contract section 6) is drawn afterwards from
a second generator, spawned from the same seed: columns outside the contract (department,
years in role, funding stage), long-form CRM properties (``contact_attributes``), add-on
conversions of existing customers (``conversions.product``) and sales' verdicts
(``sales_feedback``). Drawing them apart leaves every first-edition row as it was.
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


# What the second edition of the grid language reads (contract section 6): columns outside the
# input contract, CRM properties in long form, products on conversions and sales' verdicts.
# These are drawn from a stream of their own, after everything above, so that the first
# edition's tables stay the same rows whatever is added here.
# department: its weight for contacts whose title is no guide (the only way into the rare ones)
DEPARTMENTS = {
    "Marketing": 18,
    "Sales": 16,
    "Revenue Operations": 8,
    "IT": 12,
    "Engineering": 14,
    "Finance": 10,
    "Operations": 10,
    "HR": 6,
    "Legal": 3,
    "Procurement": 3,
}
# the department a job title usually sits in, as weights over DEPARTMENTS
TITLE_DEPARTMENTS = {
    "Chief Executive Officer": {"Operations": 0.5, "Finance": 0.25, "Sales": 0.25},
    "Chief Technology Officer": {"Engineering": 0.7, "IT": 0.3},
    "VP Marketing": {"Marketing": 1.0},
    "Vice President of Sales": {"Sales": 1.0},
    "Head of Growth": {"Marketing": 0.6, "Sales": 0.2, "Revenue Operations": 0.2},
    "Director of Operations": {"Operations": 0.7, "Revenue Operations": 0.3},
    "IT Director": {"IT": 1.0},
    "Marketing Manager": {"Marketing": 1.0},
    "Product Manager": {"Engineering": 0.6, "Marketing": 0.25, "Operations": 0.15},
    "Sales Manager": {"Sales": 1.0},
    "Team Lead, Data": {"Engineering": 0.4, "IT": 0.3, "Revenue Operations": 0.3},
    "Software Engineer": {"Engineering": 0.8, "IT": 0.2},
    "Data Analyst": {"Finance": 0.3, "Revenue Operations": 0.3, "IT": 0.2, "Marketing": 0.2},
    "Marketing Specialist": {"Marketing": 1.0},
    "Consultant": {"Operations": 0.3, "Finance": 0.2, "IT": 0.2, "HR": 0.15, "Sales": 0.15},
    "Student": {"Marketing": 0.4, "Engineering": 0.3, "Finance": 0.3},
    "Account Executive": {"Sales": 1.0},
}
# how a CRM export spells them besides the canonical name: (spelling, share)
DEPARTMENT_SPELLINGS = {"Marketing": [("marketing ", 0.2)], "Sales": [("SALES", 0.2)]}
# typed once each by someone, never picked from a list
ONE_OFF_DEPARTMENTS = [
    "Office of the CEO",
    "Customer Success",
    "Partnerships",
    "Strategy & Planning",
    "R&D",
    "Facilities",
    "Investor Relations",
    "Data Science",
]

FUNDING_STAGES = ["Bootstrapped", "Seed", "Series A", "Series B", "Series C+", "Public"]
# weights over FUNDING_STAGES by company size: (fewest employees, weights)
FUNDING_BY_SIZE = [
    (0, [0.35, 0.35, 0.25, 0.05, 0.00, 0.00]),
    (50, [0.20, 0.10, 0.35, 0.25, 0.10, 0.00]),
    (200, [0.10, 0.00, 0.10, 0.30, 0.35, 0.15]),
    (5_000, [0.05, 0.00, 0.00, 0.00, 0.25, 0.70]),
]

PRODUCT = "platform"
"""The product of every first-edition conversion."""
UPSELL_PRODUCT = "analytics_addon"
# an existing customer's odds of buying the add-on in the 90 days after the end date rise with
# these events in the 60 days up to it
UPSELL_WINDOW_DAYS = 60
UPSELL_HORIZON_DAYS = 90
UPSELL_EVENT_TYPES = ("webinar_attendance", "contact_request", "demo_request")
UPSELL_SUBJECT_FAMILIES = ("product", "case-study")
UPSELL_LOGIT = {"intercept": -0.6, "signals": 3.0}
UPSELL_ALREADY_OWNED = 0.12  # share of customers (a month or more old) who bought it already

PERSONAS = ["economic_buyer", "decision_maker", "champion", "end_user", "student"]
# weights over PERSONAS by seniority level 0, 1, 2 and for students
PERSONA_WEIGHTS = {
    0: [0.00, 0.05, 0.15, 0.80, 0.00],
    1: [0.00, 0.25, 0.50, 0.25, 0.00],
    2: [0.45, 0.40, 0.15, 0.00, 0.00],
    "student": [0.00, 0.00, 0.00, 0.15, 0.85],
}
# (spelling, share) of each answer
BUDGET_SPELLINGS = {
    "yes": [("yes", 0.5), ("Yes", 0.3), (" YES ", 0.2)],
    "no": [("no", 0.6), ("No", 0.3), ("NO", 0.1)],
}
# weights of preferred languages by ISO-2 country; any other country: DEFAULT_LANGUAGES
LANGUAGES = {
    "FR": {"fr": 0.85, "en": 0.15},
    "BE": {"fr": 0.55, "nl": 0.30, "en": 0.15},
    "CH": {"de": 0.55, "fr": 0.30, "it": 0.05, "en": 0.10},
    "DE": {"de": 0.80, "en": 0.20},
    "ES": {"es": 0.85, "en": 0.15},
    "IT": {"it": 0.75, "en": 0.25},
    "NL": {"nl": 0.50, "en": 0.50},
    "BR": {"pt": 0.80, "es": 0.05, "en": 0.15},
    "CA": {"en": 0.75, "fr": 0.25},
    "RO": {"ro": 0.40, "en": 0.60},
}
DEFAULT_LANGUAGES = {"en": 0.95, "es": 0.02, "fr": 0.01, "de": 0.01, "ja": 0.01}
# how often a contact with CRM properties has each one
ATTRIBUTE_SHARES = {"persona": 0.9, "budget_confirmed": 0.45, "preferred_language": 0.6}
# other spellings of the attribute names, as some import or integration wrote them
ATTRIBUTE_SPELLINGS = {
    "persona": ["Persona", " persona "],
    "budget_confirmed": ["BUDGET_CONFIRMED", "Budget_Confirmed"],
    "preferred_language": ["Preferred_Language", "preferred_language "],
}

# sales hears of a lead after a strong buying signal in this many days before the end date
FEEDBACK_WINDOW_DAYS = 120
# canonical reason, its spellings (spelling, share), and its base weight among rejections
REJECTION_REASONS = [
    ("No budget", [("No budget", 0.7), ("no budget ", 0.3)], 0.30),
    ("Wrong persona", [("Wrong persona", 1.0)], 0.22),
    ("Not reachable", [("Not reachable", 1.0)], 0.14),
    ("Competitor", [("Competitor", 1.0)], 0.07),
    ("Student / job seeker", [("Student / job seeker", 1.0)], 0.03),
    ("", [("", 1.0)], 0.12),  # rejected without saying why
]


TABLES = (
    "contacts",
    "accounts",
    "events",
    "conversions",
    "contact_attributes",
    "sales_feedback",
)
"""Every table ``generate`` writes and ``export`` copies out, in that order."""


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


def _is_kind_of(
    kind: np.ndarray, event_types: tuple[str, ...], families: tuple[str, ...]
) -> np.ndarray:
    """Which events (by their index into EVENT_KINDS) have one of ``event_types`` or a subject
    of one of ``families``."""
    matches = np.array(
        [event_type in event_types or family in families for event_type, family, *_ in EVENT_KINDS]
    )
    return matches[kind]


def _conversions(rng: np.random.Generator, contacts: pa.Table, events: pa.Table) -> pa.Table:
    """Plant conversions: fit and buying behaviour raise the odds, and the deal closes weeks
    after the contact's latest buying signal."""
    n = contacts.num_rows
    kind = events.column("kind").to_numpy()
    contact_index = events.column("contact_no").to_numpy() - 1
    days_back = events.column("days_back").to_numpy()
    strong = _is_kind_of(kind, STRONG_EVENT_TYPES, STRONG_SUBJECT_FAMILIES)
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


def _second_edition_rng(seed: int) -> np.random.Generator:
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


def _contact_profiles(rng: np.random.Generator, contacts: pa.Table) -> dict[str, pa.Array]:
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


def _funding_stages(rng: np.random.Generator, accounts: pa.Table) -> pa.Array:
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


def _upsells(
    rng: np.random.Generator, size: DemoSize, events: pa.Table, conversions: pa.Table
) -> pa.Table:
    """Plant add-on conversions of the contacts that are customers on the end date: some
    bought it already (a week or more after the platform), and the odds of buying it in the
    horizon after the end date rise with the upsell signals of the window before it."""
    kind = events.column("kind").to_numpy()
    contact_index = events.column("contact_no").to_numpy() - 1
    days_back = events.column("days_back").to_numpy()
    in_window = _is_kind_of(kind, UPSELL_EVENT_TYPES, UPSELL_SUBJECT_FAMILIES) & (
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


def _contact_attributes(rng: np.random.Generator, size: DemoSize, contacts: pa.Table) -> pa.Table:
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


def _sales_feedback(
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
    recent = _is_kind_of(kind, STRONG_EVENT_TYPES, STRONG_SUBJECT_FAMILIES) & (
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


def generate(
    con: duckdb.DuckDBPyConnection,
    schema: str,
    size: DemoSize = DemoSize(),
    seed: int = 42,
    end_date: dt.date = DEMO_END_DATE,
) -> dict[str, int]:
    """Write the tables of TABLES into ``schema`` of ``con``.

    Returns the row count of each table. The same ``size``, ``seed`` and ``end_date`` always
    give the same rows.
    """
    rng = np.random.default_rng(seed)
    accounts = _accounts(rng, size)
    contacts = _contacts(rng, size, accounts)
    events = _events(rng, size, contacts)
    conversions = _conversions(rng, contacts, events)

    second = _second_edition_rng(seed)
    for name, column in _contact_profiles(second, contacts).items():
        contacts = contacts.append_column(name, column)
    accounts = accounts.append_column("funding_stage", _funding_stages(second, accounts))
    upsells = _upsells(second, size, events, conversions)
    contact_attributes = _contact_attributes(second, size, contacts)
    sales_feedback = _sales_feedback(second, size, contacts, events)

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
        "gen_upsells": upsells,
        "gen_contact_attributes": contact_attributes,
        "gen_sales_feedback": sales_feedback,
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
            country_code as country,
            funding_stage
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
                as updated_at,
            c.department,
            c.years_in_role::integer as years_in_role
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
        with planted as (
            select 1 as part, contact_no, days_back, second_of_day, '{PRODUCT}' as product
            from gen_conversions
            union all
            select 2, contact_no, days_back, second_of_day, '{UPSELL_PRODUCT}'
            from gen_upsells
        )
        select
            'C' || lpad(contact_no::varchar, 7, '0') as contact_id,
            {end} + interval 1 day - to_days(days_back + 1) + to_seconds(second_of_day)
                as converted_at,
            product
        from planted
        -- the add-on rows after the platform rows, which keep their first-edition order
        order by part, converted_at, contact_id
        """
    )
    con.execute(
        f"""
        create or replace table "{schema}".contact_attributes as
        select
            'C' || lpad(contact_no::varchar, 7, '0') as contact_id,
            attribute,
            value,
            {end} + interval 1 day - to_days(days_back + 1) + to_seconds(second_of_day)
                as updated_at
        from gen_contact_attributes
        order by contact_id, updated_at, attribute, value nulls first
        """
    )
    con.execute(
        f"""
        create or replace table "{schema}".sales_feedback as
        select
            'C' || lpad(contact_no::varchar, 7, '0') as contact_id,
            {end} + interval 1 day - to_days(days_back + 1) + to_seconds(second_of_day)
                as feedback_at,
            outcome,
            reason
        from gen_sales_feedback
        order by feedback_at, contact_id, outcome, reason nulls first
        """
    )
    for name in [
        "gen_accounts",
        "gen_contacts",
        "gen_events",
        "gen_conversions",
        "gen_upsells",
        "gen_contact_attributes",
        "gen_sales_feedback",
        "gen_kinds",
        "gen_subjects",
    ]:
        con.unregister(name)
    return {
        table: con.execute(f'select count(*) from "{schema}".{table}').fetchall()[0][0]
        for table in TABLES
    }


def export(con: duckdb.DuckDBPyConnection, schema: str, directory: Path, fmt: str) -> None:
    """Copy the generated tables of ``schema`` to ``directory`` as CSV or Parquet files."""
    directory.mkdir(parents=True, exist_ok=True)
    options = "(format csv, header true)" if fmt == "csv" else "(format parquet)"
    for table in TABLES:
        target = directory / f"{table}.{fmt}"
        con.execute(f"copy \"{schema}\".{table} to '{target.as_posix()}' {options}")
