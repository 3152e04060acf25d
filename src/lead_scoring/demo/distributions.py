"""What the demo generator draws from: the vocabularies, their weights and the planted
effects (the ground truth a learner should recover), and the size of a demo."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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


@dataclass(frozen=True)
class DemoSize:
    """How many rows of each table to generate."""

    contacts: int = 2_400
    accounts: int = 300
    events: int = 60_000
