"""Deterministic input tables that look like a real CRM export, not like the tidy demo.

``demo_data`` writes clean, well-behaved rows. This module writes what a marketing-automation
export actually delivers, so that a learner (a points grid, a logistic regression) can be
checked on data with the usual awkwardness:

- fit attributes are mostly categorical with long tails of rare values: about 45 industries
  (many below 0.5 % of accounts) in several spellings, lead sources with rare values, job
  titles typed by hand (abbreviations, typos, mixed case, one-off titles), CRM properties
  (``persona``, ``plan_interest``, ``region``) in long form with messy names and values;
- countries as ISO codes and as names (``US``, ``us ``, ``United States``, ``Deutschland``);
- missing values (null and blank strings) in most columns, numeric firmographics with gaps and
  heavy ties (``employee_count`` exported as range bounds: 10, 50, 200, 1000 ...);
- count-like activity with heavy ties (most leads have 0 to 3 events of a type), URL subjects
  with query strings and trailing slashes, a few rare event types nobody asked for, bots
  with hundreds of page views;
- duplicate event rows (the same ``event_id`` twice), contacts exported twice (an older
  version, or two versions with the same ``updated_at``), events of unknown contacts.

Conversions are drawn from a hidden logit (``generate_with_truth`` returns it per contact):
a few strong signals (a recent demo or contact request, pricing pages, proof content, a
couple of fit values such as a software company or an enterprise plan interest), mostly noise
(blog views, e-mail opens, countries, regions, most industries), a non-monotone effect
(``BOT_PAGE_VIEWS`` or more page views in 90 days, mostly bots, convert less than a handful),
an interaction (buying signals count more for good-fit leads) and recency (activity signals
decay with a half-life of ``HALF_LIFE_DAYS``, so old events carry little). About 5 % of
contacts are customers already (a conversion on or before ``AS_OF``); of the others about
10 % convert in the ``HORIZON_DAYS`` after it.

Every draw comes from one ``numpy.random.Generator(seed)`` in a fixed order and every text
column is built by vectorised ``pyarrow.compute`` kernels, so the same arguments give the same
tables byte for byte, and 50,000 leads take about a second.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

AS_OF = dt.date(2026, 9, 30)
"""The scoring date: activity spans the 365 days up to it, leads convert in the 90 after."""

HISTORY_DAYS = 365
HORIZON_DAYS = 90
HALF_LIFE_DAYS = 30
"""Half-life of an event's weight in the hidden logit: a 30-day-old event counts half."""

TABLES = ("contacts", "accounts", "events", "conversions", "contact_attributes")
"""The tables ``generate`` returns and ``write_duckdb`` writes, in that order."""

CUSTOMER_SHARE = 0.05
PRODUCT = "platform"
ADDON_PRODUCT = "analytics_addon"

# A spelling list: (text, share) pairs besides the canonical text, which keeps the rest.
Spellings = list[tuple[str | None, float]]

# (canonical, weight, effect on the log-odds, other spellings)
INDUSTRIES: list[tuple[str, float, float, Spellings]] = [
    ("Software", 0.15, 0.6, [("Computer Software", 0.15), ("software", 0.05), ("SaaS", 0.03)]),
    (
        "Information Technology & Services",
        0.09,
        0.3,
        [("IT Services", 0.15), ("Information Technology and Services", 0.1)],
    ),
    ("Financial Services", 0.07, 0.4, [("Finance", 0.1), ("financial services ", 0.05)]),
    ("Manufacturing", 0.07, 0.0, [("Industrial Manufacturing", 0.1), ("manufacturing", 0.05)]),
    ("Hospital & Health Care", 0.06, 0.0, [("Healthcare", 0.25), ("Health Care", 0.1)]),
    ("Retail", 0.05, -0.2, [("retail", 0.05)]),
    ("Marketing & Advertising", 0.05, 0.2, [("Marketing and Advertising", 0.15)]),
    ("Education", 0.04, -0.6, [("Higher Education", 0.3), ("Education Management", 0.15)]),
    ("Management Consulting", 0.04, 0.0, [("Consulting", 0.3)]),
    ("Telecommunications", 0.03, 0.0, []),
    ("Logistics & Supply Chain", 0.03, 0.0, [("Transportation/Trucking/Railroad", 0.2)]),
    ("Insurance", 0.025, 0.3, []),
    ("Banking", 0.02, 0.2, []),
    ("Real Estate", 0.025, -0.1, []),
    ("Construction", 0.02, -0.2, []),
    ("Media", 0.02, 0.0, [("Online Media", 0.3), ("Broadcast Media", 0.1)]),
    ("Government Administration", 0.02, -0.4, [("Government", 0.3), ("Public Sector", 0.2)]),
    (
        "Non-Profit Organization Management",
        0.02,
        -0.6,
        [("Nonprofit", 0.3), ("Non-profit", 0.1)],
    ),
    ("Energy", 0.015, 0.0, [("Oil & Energy", 0.4)]),
    ("Automotive", 0.015, 0.0, []),
    ("E-Learning", 0.01, -0.2, []),
    ("Pharmaceuticals", 0.012, 0.1, []),
    ("Biotechnology", 0.008, 0.1, []),
    ("Hospitality", 0.008, -0.3, []),
    ("Legal Services", 0.007, 0.0, [("Law Practice", 0.4)]),
    ("Accounting", 0.007, 0.1, []),
    ("Food & Beverages", 0.006, 0.0, []),
    # the long tail: each below 0.5 % of accounts
    ("Computer Games", 0.004, 0.0, []),
    ("Aviation & Aerospace", 0.004, 0.0, []),
    ("Semiconductors", 0.004, 0.3, []),
    ("Venture Capital & Private Equity", 0.003, 0.8, []),
    ("Maritime", 0.003, 0.0, []),
    ("Mining & Metals", 0.003, 0.0, []),
    ("Gambling & Casinos", 0.002, 0.0, []),
    ("Wine & Spirits", 0.002, 0.0, []),
    ("Veterinary", 0.002, 0.0, []),
    ("Religious Institutions", 0.0015, -0.5, []),
    ("Museums & Institutions", 0.0015, 0.0, []),
    ("Libraries", 0.001, 0.0, []),
    ("Fishery", 0.001, 0.0, []),
    ("Ranching", 0.001, 0.0, []),
    ("Tobacco", 0.001, 0.0, []),
    ("Think Tanks", 0.001, 0.0, []),
    ("Alternative Dispute Resolution", 0.001, 0.0, []),
    ("Railroad Manufacture", 0.001, 0.0, []),
    ("Dairy", 0.001, 0.0, []),
    ("Political Organization", 0.001, -0.3, []),
]

# (ISO code, weight, effect, names besides the code); the code is written as is, lowercased
# with a trailing space, or as one of its names
COUNTRIES: list[tuple[str, float, float, list[str]]] = [
    ("US", 0.32, 0.15, ["United States", "USA", "U.S.", "United States of America"]),
    ("GB", 0.09, 0.1, ["United Kingdom", "UK", "England"]),
    ("DE", 0.08, 0.1, ["Germany", "Deutschland"]),
    ("FR", 0.07, 0.0, ["France"]),
    ("CA", 0.05, 0.1, ["Canada"]),
    ("IN", 0.06, -0.3, ["India"]),
    ("NL", 0.03, 0.0, ["Netherlands", "The Netherlands", "Holland"]),
    ("ES", 0.03, 0.0, ["Spain", "España"]),
    ("IT", 0.025, 0.0, ["Italy", "Italia"]),
    ("BR", 0.03, -0.1, ["Brazil", "Brasil"]),
    ("AU", 0.03, 0.0, ["Australia"]),
    ("CH", 0.015, 0.0, ["Switzerland", "Schweiz"]),
    ("BE", 0.012, 0.0, ["Belgium", "Belgique"]),
    ("SE", 0.012, 0.0, ["Sweden"]),
    ("JP", 0.01, 0.0, ["Japan"]),
    ("SG", 0.01, 0.0, ["Singapore"]),
    ("MX", 0.01, 0.0, ["Mexico", "México"]),
    ("AT", 0.008, 0.0, ["Austria", "Österreich"]),
    ("PL", 0.01, 0.0, ["Poland"]),
    ("IE", 0.01, 0.0, ["Ireland"]),
    ("RO", 0.006, 0.0, ["Romania"]),
    ("DK", 0.005, 0.0, ["Denmark"]),
    ("NO", 0.004, 0.0, ["Norway"]),
    ("FI", 0.004, 0.0, ["Finland"]),
    ("ZA", 0.005, 0.0, ["South Africa"]),
    ("AE", 0.004, 0.0, ["United Arab Emirates", "UAE"]),
    ("IL", 0.005, 0.0, ["Israel"]),
    ("PT", 0.004, 0.0, ["Portugal"]),
    ("NZ", 0.003, 0.0, ["New Zealand"]),
    ("AR", 0.003, 0.0, ["Argentina"]),
    ("LU", 0.001, 0.0, ["Luxembourg"]),
    ("EE", 0.001, 0.0, ["Estonia"]),
    ("KE", 0.001, 0.0, ["Kenya"]),
    ("VN", 0.001, 0.0, ["Vietnam", "Viet Nam"]),
    ("IS", 0.0005, 0.0, ["Iceland"]),
]
# the CRM's region of a country (codes not listed: EMEA); (region, share) of rarer regions
COUNTRY_REGIONS = {
    **dict.fromkeys(["US", "CA"], "North America"),
    **dict.fromkeys(["IN", "JP", "SG", "AU", "NZ", "VN"], "APAC"),
    **dict.fromkeys(["BR", "MX", "AR"], "LATAM"),
}
RARE_REGIONS = {
    **dict.fromkeys(["DE", "AT", "CH"], ("DACH", 0.2)),
    **dict.fromkeys(["AU", "NZ"], ("ANZ", 0.25)),
    **dict.fromkeys(["SE", "DK", "NO", "FI", "IS"], ("Nordics", 0.3)),
    **dict.fromkeys(["AE", "ZA", "KE", "IL"], ("MEA", 0.4)),
}
REGIONS: list[tuple[str, Spellings]] = [
    ("EMEA", [("emea", 0.1), ("Europe", 0.05)]),
    ("North America", [("NA", 0.3), ("N. America", 0.05), ("north america", 0.05), ("NAM", 0.02)]),
    ("APAC", [("apac", 0.1), ("Asia Pacific", 0.1)]),
    ("LATAM", [("Latam", 0.2), ("LatAm", 0.1), ("South America", 0.05)]),
    ("DACH", [("dach", 0.1)]),
    ("ANZ", []),
    ("Nordics", [("nordics", 0.1)]),
    ("MEA", [("Middle East & Africa", 0.3)]),
]

# (canonical title, seniority level, weight, other ways people type it); levels: -1 student,
# 0 individual contributor, 1 manager or lead, 2 head / director / VP, 3 C-level
JOB_TITLES: list[tuple[str, int, float, Spellings]] = [
    ("CEO", 3, 0.025, [("Chief Executive Officer", 0.3), ("Founder & CEO", 0.15), ("ceo", 0.05)]),
    ("CTO", 3, 0.015, [("Chief Technology Officer", 0.3), ("CTO / Co-Founder", 0.1)]),
    ("CMO", 3, 0.01, [("Chief Marketing Officer", 0.4)]),
    (
        "VP Marketing",
        2,
        0.03,
        [("VP of Marketing", 0.2), ("Vice President, Marketing", 0.15), ("V.P. Marketing", 0.05)],
    ),
    ("VP Sales", 2, 0.025, [("Vice President of Sales", 0.3), ("SVP Sales", 0.1)]),
    (
        "Director of Marketing",
        2,
        0.04,
        [("Marketing Director", 0.3), ("Dir. Marketing", 0.1), ("Directr of Marketing", 0.03)],
    ),
    ("IT Director", 2, 0.025, [("Director IT", 0.2), ("Director of Information Technology", 0.2)]),
    ("Head of Growth", 2, 0.02, [("head of growth", 0.15), ("Growth Lead", 0.2)]),
    ("Head of Revenue Operations", 2, 0.015, [("Head of RevOps", 0.4)]),
    (
        "Marketing Manager",
        1,
        0.08,
        [("Manager, Marketing", 0.1), ("Mktg Mgr", 0.05), ("Markting Manager", 0.03)],
    ),
    ("Sales Manager", 1, 0.05, [("Regional Sales Manager", 0.25), ("Sales Mgr", 0.1)]),
    ("Product Manager", 1, 0.045, [("Sr. Product Manager", 0.2), ("PM", 0.05)]),
    ("Team Lead", 1, 0.03, [("Team Leader", 0.3), ("Tech Lead", 0.2)]),
    ("Marketing Operations Manager", 1, 0.025, [("Marketing Ops Manager", 0.3), ("MOPs", 0.05)]),
    (
        "Software Engineer",
        0,
        0.09,
        [("Senior Software Engineer", 0.25), ("Sofware Engineer", 0.03), ("developer", 0.1)],
    ),
    ("Data Analyst", 0, 0.07, [("Analyst", 0.2), ("data analyst", 0.1)]),
    ("Marketing Specialist", 0, 0.08, [("Marketing Coordinator", 0.3), ("marketing", 0.05)]),
    (
        "Sales Development Representative",
        0,
        0.06,
        [("SDR", 0.3), ("BDR", 0.2), ("Account Executive", 0.2)],
    ),
    ("Consultant", 0, 0.06, [("Freelance Consultant", 0.2), ("Independent", 0.05)]),
    ("Office Manager", 0, 0.025, [("Executive Assistant", 0.3), ("Admin", 0.1)]),
    ("Student", -1, 0.04, [("student", 0.15), ("MBA Candidate", 0.1), ("Marketing Intern", 0.2)]),
    ("Other", 0, 0.02, [("-", 0.3), ("n/a", 0.2), (".", 0.1)]),
]
# one-off titles: modifier + function + (role, level)
TITLE_MODIFIERS = ["Senior", "Sr.", "Junior", "Associate", "Principal", "Global", "Regional"]
TITLE_MODIFIERS += ["Interim", "Acting", "Deputy"]
TITLE_FUNCTIONS = ["Demand Gen", "Growth", "Brand", "Partner", "Channel", "Field", "Content"]
TITLE_FUNCTIONS += ["Product Marketing", "Customer Success", "Revenue", "Digital", "Events"]
TITLE_FUNCTIONS += ["Procurement", "Finance", "HR", "Data", "BI", "Security", "Cloud", "Platform"]
TITLE_ROLES = [("Specialist", 0), ("Coordinator", 0), ("Strategist", 0), ("Architect", 0)]
TITLE_ROLES += [("Analyst", 0), ("Manager", 1), ("Lead", 1), ("Director", 2), ("Advisor", 0)]
TITLE_ROLES += [("Evangelist", 0), ("Owner", 1), ("Partner", 0)]
ONE_OFF_TITLE_SHARE = 0.04
# effect of a seniority level: index = level + 1
SENIORITY_EFFECTS = [-1.2, 0.0, 0.3, 0.6, 0.3]

# (canonical, weight, effect, other spellings)
LEAD_SOURCES: list[tuple[str, float, float, Spellings]] = [
    ("Website", 0.22, 0.0, [("website", 0.1), ("Web", 0.08)]),
    ("Organic Search", 0.14, 0.0, [("SEO", 0.05)]),
    ("Paid Search", 0.10, 0.0, [("Google Ads", 0.15), ("PPC", 0.05)]),
    ("LinkedIn", 0.08, 0.0, [("Linkedin Ads", 0.2), ("linkedin", 0.05)]),
    ("Webinar", 0.06, 0.1, []),
    ("Trade Show", 0.05, 0.1, [("Tradeshow", 0.1), ("Event", 0.2)]),
    ("Partner Referral", 0.04, 0.7, [("Partner", 0.15)]),
    ("Customer Referral", 0.015, 0.9, [("Referral", 0.3)]),
    ("Purchased List", 0.06, -0.8, [("List Import", 0.3)]),
    ("Content Syndication", 0.05, -0.4, []),
    ("Cold Outbound", 0.04, -0.2, [("Outbound", 0.3)]),
    ("G2", 0.006, 0.5, []),
    ("Capterra", 0.004, 0.3, []),
    ("Podcast", 0.003, 0.0, []),
    ("Direct Mail", 0.002, 0.0, []),
    ("Chatbot", 0.002, 0.0, []),
    ("Other", 0.02, 0.0, [("other", 0.2)]),
]

FIRST_NAMES = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda"]
FIRST_NAMES += ["David", "Elizabeth", "Thomas", "Sarah", "Daniel", "Karen", "Paul", "Nancy"]
FIRST_NAMES += ["Mark", "Lisa", "Kevin", "Sandra", "Jan", "Anna", "Lukas", "Sophie", "Pierre"]
FIRST_NAMES += ["Camille", "Matteo", "Giulia", "Raj", "Priya", "Wei", "Yuki", "Ana", "Joao"]
LAST_NAMES = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis"]
LAST_NAMES += ["Martinez", "Lopez", "Wilson", "Anderson", "Taylor", "Moore", "Martin", "Lee"]
LAST_NAMES += ["Muller", "Schmidt", "Schneider", "Fischer", "Dubois", "Moreau", "Rossi", "Russo"]
LAST_NAMES += ["Patel", "Sharma", "Wang", "Li", "Tanaka", "Sato", "Silva", "Santos", "Nowak"]
PERSONAL_DOMAINS = [("gmail.com", 0.5), ("yahoo.com", 0.12), ("hotmail.com", 0.1)]
PERSONAL_DOMAINS += [("outlook.com", 0.1), ("icloud.com", 0.05), ("gmx.de", 0.04)]
PERSONAL_DOMAINS += [("web.de", 0.03), ("yahoo.fr", 0.02), ("protonmail.com", 0.02)]
PERSONAL_DOMAINS += [("aol.com", 0.02)]
PERSONAL_EMAIL_EFFECT = -0.7

NAME_STEMS = ["Nor", "Blue", "Alta", "Bright", "Cedar", "Delta", "Evo", "Fern", "Gold"]
NAME_STEMS += ["Harbor", "Iron", "Jade", "Kite", "Lumen", "Mosaic", "North", "Orbit", "Pine"]
NAME_STEMS += ["Quant", "River", "Sky", "Terra", "Uni", "Vista", "West", "Zen"]
NAME_ENDINGS = ["tech", "soft", "ware", "logic", "labs", "works", "data", "net", "point"]
NAME_ENDINGS += ["stream", "line", "bridge", "field", "stone", "gate", "hub", "scale", "wise"]
NAME_ENDINGS += ["ly", "io"]
NAME_WORDS = ["", " Group", " Systems", " Global", " Solutions", " Analytics", " Digital"]
NAME_WORDS += [" Partners", " Industries", " Health"]
TLDS = [".com", ".de", ".io", ".co.uk", ".fr", ".net"]
LEGAL_FORMS = ["", " Inc.", " GmbH", " Ltd", " LLC", " SAS", " AG", " B.V.", " Corp"]

# employee counts as exported: the upper bound of a size range (more than 10,000: 10001)
EMPLOYEE_RANGE_BOUNDS = np.array([1, 10, 50, 200, 500, 1_000, 5_000, 10_000, 10_001])
# effect of the true company size: (fewest employees, effect)
SIZE_EFFECTS = [(1, -0.7), (11, -0.2), (51, 0.0), (201, 0.4), (1_001, 0.5), (5_001, 0.2)]
NO_ACCOUNT_EFFECT = -0.3
PHONE_EFFECT = 0.2
DECISION_MAKER_EFFECT = 0.3

# (canonical, effect, weight by seniority level -1..3, other spellings)
PERSONAS: list[tuple[str, float, list[float], Spellings]] = [
    (
        "Economic Buyer",
        0.5,
        [0, 0.02, 0.1, 0.35, 0.6],
        [("economic buyer", 0.1), ("Economic_Buyer", 0.05), ("Econ. Buyer", 0.02)],
    ),
    ("Decision Maker", 0.3, [0, 0.03, 0.2, 0.3, 0.3], [("decision maker", 0.1), ("DM", 0.03)]),
    ("Champion", 0.3, [0, 0.1, 0.35, 0.2, 0.05], [("champion ", 0.08), ("CHAMPION", 0.03)]),
    ("Technical Evaluator", 0.1, [0, 0.2, 0.1, 0.05, 0.02], [("Tech Evaluator", 0.1)]),
    (
        "End User",
        0.0,
        [0.1, 0.5, 0.2, 0.05, 0],
        [("end user", 0.1), ("End-User", 0.08), ("Enduser", 0.02)],
    ),
    ("Influencer", 0.0, [0, 0.1, 0.05, 0.05, 0.03], [("influencer", 0.1)]),
    ("Student", -0.8, [0.9, 0.01, 0, 0, 0], [("student", 0.1)]),
    ("Gatekeeper", 0.0, [0, 0.01, 0.003, 0, 0], []),
    ("Other", 0.0, [0, 0.03, 0.02, 0.0, 0], [("other", 0.2), ("Unknown", 0.2)]),
]
# (canonical, weight, effect, other spellings); larger companies lean to the enterprise plans
PLAN_INTERESTS: list[tuple[str, float, float, Spellings]] = [
    (
        "Enterprise",
        0.18,
        0.6,
        [("enterprise", 0.1), ("ENTERPRISE", 0.04), ("Enterprise ", 0.04), ("Entreprise", 0.02)],
    ),
    ("Pro", 0.3, 0.1, [("pro", 0.1), ("Professional", 0.1)]),
    ("Starter", 0.25, 0.0, [("starter", 0.1), ("Basic", 0.08)]),
    ("Free", 0.15, -0.5, [("free", 0.1), ("Free Trial", 0.1), ("free tier", 0.02)]),
    ("Enterprise Plus", 0.01, 0.6, []),
    ("Not sure", 0.08, 0.0, [("not sure", 0.2), ("?", 0.05), ("TBD", 0.05)]),
    ("Agency", 0.004, 0.0, []),
]
ENTERPRISE_PLANS = ("Enterprise", "Enterprise Plus")
# how an integration or an import spelled the attribute names
ATTRIBUTE_NAMES: dict[str, Spellings] = {
    "persona": [("Persona", 0.06), (" persona ", 0.04)],
    "plan_interest": [("Plan_Interest", 0.05), ("PLAN_INTEREST", 0.03), ("plan_interest ", 0.02)],
    "region": [("Region", 0.08)],
}

# (event_type, subject family, yearly events per unit of engagement, extra yearly events of an
# in-market lead, which concentrate in the recent weeks); e-mail events follow a lead's e-mail
# engagement, all others its web engagement
EVENT_KINDS: list[tuple[str, str, float, float]] = [
    ("page_view", "home", 1.2, 1.0),
    ("page_view", "blog", 2.5, 0.5),
    ("page_view", "docs", 0.6, 0.8),
    ("page_view", "company", 0.4, 0.2),
    ("page_view", "customers", 0.2, 0.6),
    ("page_view", "product", 0.5, 1.5),
    ("page_view", "solutions", 0.25, 0.8),
    ("page_view", "pricing", 0.2, 1.8),
    ("page_view", "pricing_enterprise", 0.04, 0.5),
    ("email_open", "newsletter", 4.0, 0.2),
    ("email_click", "newsletter", 0.5, 0.3),
    ("form_submission", "form", 0.25, 0.3),
    ("content_download", "ebook", 0.2, 0.1),
    ("content_download", "guide", 0.12, 0.1),
    ("content_download", "whitepaper", 0.08, 0.05),
    ("content_download", "datasheet", 0.04, 0.1),
    ("content_download", "case-study", 0.05, 0.35),
    ("content_download", "roi-calculator", 0.015, 0.2),
    ("content_download", "analyst-report", 0.03, 0.12),
    ("webinar_registration", "webinar", 0.15, 0.35),
    ("webinar_attendance", "webinar", 0.06, 0.25),
    ("demo_request", "demo", 0.015, 0.35),
    ("contact_request", "contact", 0.015, 0.12),
    ("unsubscribe", "none", 0.05, 0.0),
    # rare types no grid knows, and a page view typed another way by one integration
    ("chat_started", "chat", 0.03, 0.05),
    ("ad_click", "ad", 0.03, 0.0),
    ("social_engagement", "social", 0.01, 0.0),
    ("sms_click", "none", 0.003, 0.0),
    ("survey_response", "survey", 0.003, 0.0),
    ("Page_View", "home", 0.01, 0.0),
    ("web_visit", "blog", 0.006, 0.0),
]
EMAIL_EVENT_TYPES = ("email_open", "email_click", "unsubscribe")
BLOG_TOPICS = ["lead-scoring", "mql-vs-sql", "abm", "intent-data", "crm-hygiene", "revops"]
BLOG_TOPICS += ["attribution", "demand-gen", "pipeline", "forecasting"]
SUBJECTS: dict[str, list[str | None]] = {
    "home": ["/"],
    "blog": [f"/blog/{topic}-{part}" for topic in BLOG_TOPICS for part in ("101", "guide", "2026")],
    "docs": [f"/docs/{page}" for page in ["api", "sso", "webhooks", "sync", "grid", "faq"]],
    "company": ["/about", "/careers", "/contact", "/legal/privacy", "/partners"],
    "customers": ["/customers", "/customers/northwind", "/customers/globex", "/customers/initech"],
    "product": ["/product", "/product/scoring", "/product/integrations", "/product/analytics"],
    "solutions": ["/solutions/marketing", "/solutions/sales", "/solutions/revops"],
    "pricing": ["/pricing"],
    "pricing_enterprise": ["/pricing/enterprise"],
    "newsletter": [f"newsletter-2026-{month:02d}" for month in range(1, 10)]
    + ["newsletter-2025-10", "newsletter-2025-11", "newsletter-2025-12", "product-update-q2"],
    "form": ["contact-us", "newsletter-signup", "gated-content", "event-signup", "Contact Us Form"],
    "ebook": ["ebook/lead-scoring-101", "ebook/b2b-funnel", "ebook/abm-playbook"],
    "guide": ["guide/grid-design", "guide/mql-handoff", "guide/crm-cleanup"],
    "whitepaper": ["whitepaper/intent-data", "whitepaper/predictive-scoring"],
    "datasheet": ["datasheet/platform", "datasheet/security"],
    "case-study": ["case-study/northwind", "case-study/globex", "case-study/initech"],
    "roi-calculator": ["roi-calculator/v2", "roi-calculator/v3"],
    "analyst-report": ["analyst-report/wave-2026", "analyst-report/grid-2025"],
    "webinar": [f"webinar-2026-{month:02d}" for month in range(1, 10)] + ["webinar-2025-11"],
    "demo": ["demo-request", "Request a demo", None, ""],
    "contact": ["contact-sales", "Contact Sales", None],
    "none": [None],
    "chat": ["chat-widget", "intercom"],
    "ad": ["linkedin-ad-1041", "google-ad-553", "capterra-ppc"],
    "social": ["linkedin-post", "twitter"],
    "survey": ["nps-2026", "csat"],
}
UTM_SUFFIXES = ["?utm_source=linkedin", "?utm_source=google&utm_medium=cpc", "?ref=newsletter"]

# the hidden activity effects, on signals that decay with HALF_LIFE_DAYS
STRONG_FAMILIES = {
    "demo": ("demo", "contact"),
    "pricing": ("pricing", "pricing_enterprise"),
    "enterprise": ("pricing_enterprise",),
    "proof": ("case-study", "roi-calculator", "analyst-report"),
}
ACTIVITY_EFFECTS = {
    "demo": 1.6,  # times min(decayed demo and contact requests, 1)
    "pricing": 0.7,  # times log(1 + decayed pricing page views)
    "enterprise": 0.4,  # times log(1 + decayed /pricing/enterprise views), on top
    "proof": 0.5,  # times log(1 + decayed case studies, ROI calculators, analyst reports)
    "webinar": 0.5,  # times min(decayed webinar attendances, 1)
    "email_click": 0.15,  # times log(1 + decayed e-mail clicks)
    "unsubscribe": -1.0,  # any unsubscribe, ever
    "bot": -2.0,  # BOT_PAGE_VIEWS or more page views in the last 90 days
}
BOT_PAGE_VIEWS = 25
BOT_SHARE = 0.015
GOOD_FIT_LOGIT = 1.2
GOOD_FIT_ACTIVITY_BOOST = 0.6  # good-fit leads' buying signals count 1.6 times
INTERCEPT = -3.6


def _normalized(weights) -> np.ndarray:
    weights = np.asarray(weights, dtype=float)
    return weights / weights.sum()


def _choose(rng: np.random.Generator, weights, n: int) -> np.ndarray:
    """``n`` indices into ``weights`` drawn in proportion to them."""
    return rng.choice(len(weights), size=n, p=_normalized(weights))


def _text(values) -> pa.Array:
    return pa.array(list(values), type=pa.string())


def _take(vocabulary, index: np.ndarray) -> pa.Array:
    return _text(vocabulary).take(pa.array(index, type=pa.int64()))


def _join(*parts) -> pa.Array:
    """Element-wise concatenation of text arrays and scalars (null if any part is null)."""
    return pc.binary_join_element_wise(*parts, "")


def _ids(prefix: str, numbers: np.ndarray, width: int) -> pa.Array:
    digits = pc.utf8_lpad(pc.cast(pa.array(numbers, type=pa.int64()), pa.string()), width, "0")
    return _join(prefix, digits)


def _where(mask: np.ndarray, value, array: pa.Array) -> pa.Array:
    """``array`` with ``value`` (a scalar or an array of the same length) where ``mask``."""
    if not isinstance(value, pa.Array):
        value = pa.scalar(value, type=array.type)
    return pc.if_else(pa.array(mask, type=pa.bool_()), value, array)


def _blank_out(rng: np.random.Generator, array: pa.Array, null: float, blank: float) -> pa.Array:
    """``array`` with a share ``null`` of its values missing and a share ``blank`` of them an
    empty or whitespace-only string."""
    drawn = rng.random(len(array))
    blanks = _take(["", " "], (rng.random(len(array)) < 0.2).astype(np.int64))
    array = _where(drawn < null, None, array)
    return _where((drawn >= null) & (drawn < null + blank), blanks, array)


def _mess_case(
    rng: np.random.Generator, array: pa.Array, upper: float, lower: float, padded: float
) -> pa.Array:
    """``array`` with some values upper- or lowercased and some with a trailing space."""
    drawn = rng.random(len(array))
    array = _where(drawn < upper, pc.utf8_upper(array), array)
    array = _where((drawn >= upper) & (drawn < upper + lower), pc.utf8_lower(array), array)
    return _where(rng.random(len(array)) < padded, _join(array, " "), array)


def _spell(rng: np.random.Generator, canonical: np.ndarray, vocabulary) -> pa.Array:
    """Text of each row's canonical value (an index into ``vocabulary``, a list of
    (canonical text, other spellings)), written in one of its spellings at their shares."""
    options = [[(text, 1.0 - sum(s for _, s in others)), *others] for text, others in vocabulary]
    flat = [text for spellings in options for text, _ in spellings]
    offsets = np.cumsum([0] + [len(spellings) for spellings in options[:-1]])
    drawn = rng.random(len(canonical))
    local = np.zeros(len(canonical), dtype=np.int64)
    for value, spellings in enumerate(options):
        if len(spellings) > 1:
            rows = canonical == value
            bounds = np.cumsum([share for _, share in spellings])[:-1]
            local[rows] = np.searchsorted(bounds, drawn[rows], side="right")
    return _take(flat, offsets[canonical] + local)


def _draw_each(rng: np.random.Generator, weights: np.ndarray) -> np.ndarray:
    """One column index per row of ``weights`` (rows x options), drawn with that row's
    weights."""
    cumulative = np.cumsum(weights, axis=1)
    drawn = rng.random(len(weights)) * cumulative[:, -1]
    return np.minimum((drawn[:, None] >= cumulative).sum(axis=1), weights.shape[1] - 1)


def _timestamps(days_back: np.ndarray, second_of_day: np.ndarray) -> np.ndarray:
    """Timestamps ``days_back`` days before AS_OF (0 = on AS_OF) at ``second_of_day``."""
    seconds = second_of_day.astype(np.int64) - days_back.astype(np.int64) * 86_400
    return np.datetime64(AS_OF, "us") + seconds.astype("timedelta64[s]").astype("timedelta64[us]")


def _timestamp_array(values: np.ndarray, mask: np.ndarray | None = None) -> pa.Array:
    return pa.array(values, type=pa.timestamp("us"), mask=mask)


def _country_vocabulary() -> list[tuple[str, Spellings]]:
    vocabulary = []
    for code, _, _, names in COUNTRIES:
        spelled: Spellings = [(code.lower() + " ", 0.04), (code.lower(), 0.03)]
        # the first name is the common one; the others share what is left
        spelled.append((names[0], 0.25))
        spelled += [(name, 0.1 / len(names[1:])) for name in names[1:]]
        vocabulary.append((code, spelled))
    return vocabulary


def _accounts(rng: np.random.Generator, n: int) -> tuple[pa.Table, dict]:
    """Accounts as exported, and what each one truly is (industry and country as indices,
    employees, the clean domain its people's addresses use)."""
    industry = _choose(rng, [r[1] for r in INDUSTRIES], n)
    country = _choose(rng, [r[1] for r in COUNTRIES], n)
    employees = np.clip(np.round(np.exp(rng.normal(4.3, 1.8, n))), 1, 300_000).astype(np.int64)

    # unique names and domains as long as there are enough combinations
    combinations = len(NAME_STEMS) * len(NAME_ENDINGS) * len(NAME_WORDS) * len(TLDS)
    combination = rng.choice(combinations, size=n, replace=n > combinations)
    stem, rest = np.divmod(combination, len(NAME_ENDINGS) * len(NAME_WORDS) * len(TLDS))
    ending, rest = np.divmod(rest, len(NAME_WORDS) * len(TLDS))
    word, tld = np.divmod(rest, len(TLDS))
    base = _join(_take(NAME_STEMS, stem), _take(NAME_ENDINGS, ending))
    words = _take(NAME_WORDS, word)
    legal = _take(LEGAL_FORMS, rng.choice(len(LEGAL_FORMS), size=n))
    name = _blank_out(rng, _join(base, words, legal), null=0.01, blank=0.015)
    domain = _join(
        pc.utf8_lower(base), pc.replace_substring(pc.utf8_lower(words), " ", "-"), _take(TLDS, tld)
    )
    # as typed into the CRM: sometimes with a scheme or www., often missing
    prefix = _take(
        ["", "www.", "https://", "http://www."], _choose(rng, [0.9, 0.05, 0.03, 0.02], n)
    )
    shown_domain = _blank_out(rng, _join(prefix, domain), null=0.12, blank=0.01)

    # employee counts: mostly the bound of a size range, some exact, some missing or 0
    ranged = EMPLOYEE_RANGE_BOUNDS[
        np.minimum(
            np.searchsorted(EMPLOYEE_RANGE_BOUNDS, employees), len(EMPLOYEE_RANGE_BOUNDS) - 1
        )
    ]
    style = _choose(rng, [0.65, 0.20, 0.13, 0.02], n)  # ranged, exact, missing, zero
    exported_employees = np.select([style == 0, style == 1], [ranged, employees], 0)
    employee_count = pa.array(exported_employees.astype(np.int32), type=pa.int32(), mask=style == 2)
    revenue = employees * np.exp(rng.normal(np.log(150_000), 0.6, n))
    revenue_style = _choose(rng, [0.55, 0.12, 0.05, 0.25, 0.03], n)
    rounded = np.where(revenue >= 1e6, np.round(revenue, -6), np.round(revenue, -5))
    exported_revenue = np.select(
        # rounded, exact to the dollar, in thousands by mistake, missing, a placeholder 0
        [revenue_style == 0, revenue_style == 1, revenue_style == 2],
        [rounded, np.round(revenue), np.round(revenue / 1000)],
        0,
    ).astype(np.int64)
    # int64 needs a precision of 21 to become a decimal; every value fits DECIMAL(18, 2)
    annual_revenue = (
        pa.array(exported_revenue, mask=revenue_style == 3)
        .cast(pa.decimal128(21, 2))
        .cast(pa.decimal128(18, 2))
    )

    table = pa.table(
        {
            "account_id": _ids("0015g00000", np.arange(1, n + 1), 8),
            "account_name": name,
            "domain": shown_domain,
            "industry": _blank_out(
                rng,
                _spell(rng, industry, [(r[0], r[3]) for r in INDUSTRIES]),
                null=0.07,
                blank=0.03,
            ),
            "employee_count": employee_count,
            "annual_revenue": annual_revenue,
            "country": _blank_out(
                rng, _spell(rng, country, _country_vocabulary()), null=0.06, blank=0.02
            ),
        }
    )
    truth = {"industry": industry, "country": country, "employees": employees, "domain": domain}
    return table, truth


def _job_titles(rng: np.random.Generator, n: int) -> tuple[pa.Array, np.ndarray]:
    """Job titles as typed by hand, and each one's seniority level."""
    title = _choose(rng, [r[2] for r in JOB_TITLES], n)
    level = np.array([r[1] for r in JOB_TITLES])[title]
    text = _spell(rng, title, [(r[0], r[3]) for r in JOB_TITLES])
    one_off = rng.random(n) < ONE_OFF_TITLE_SHARE
    modifier = rng.choice(len(TITLE_MODIFIERS), size=n)
    function = rng.choice(len(TITLE_FUNCTIONS), size=n)
    role = rng.choice(len(TITLE_ROLES), size=n)
    composed = _join(
        _take(TITLE_MODIFIERS, modifier),
        " ",
        _take(TITLE_FUNCTIONS, function),
        " ",
        _take([r[0] for r in TITLE_ROLES], role),
    )
    text = _where(one_off, composed, text)
    level = np.where(one_off, np.array([r[1] for r in TITLE_ROLES])[role], level)
    text = _mess_case(rng, text, upper=0.05, lower=0.10, padded=0.03)
    return _blank_out(rng, text, null=0.06, blank=0.03), level


def _emails(
    rng: np.random.Generator, n: int, personal: np.ndarray, work_domain: pa.Array
) -> pa.Array:
    first = _take(FIRST_NAMES, rng.choice(len(FIRST_NAMES), size=n))
    last = _take(LAST_NAMES, rng.choice(len(LAST_NAMES), size=n))
    initial = pc.utf8_slice_codeunits(first, 0, 1)
    digits = pc.cast(pa.array(rng.integers(1, 99, n)), pa.string())
    local = pc.choose(
        pa.array(rng.choice(5, size=n, p=[0.45, 0.2, 0.15, 0.1, 0.1]), type=pa.int8()),
        _join(first, ".", last),
        _join(initial, last),
        _join(first, last),
        first,
        _join(first, "_", last, digits),
    )
    personal_domain = _take(
        [d for d, _ in PERSONAL_DOMAINS],
        _choose(rng, [share for _, share in PERSONAL_DOMAINS], n),
    )
    domain = _where(personal, personal_domain, work_domain)
    email = _join(local, "@", domain)
    # most exports lowercase the address, some keep it as typed
    email = _where(rng.random(n) < 0.94, pc.utf8_lower(email), email)
    return _blank_out(rng, email, null=0.02, blank=0.02)


def _phones(rng: np.random.Generator, n: int) -> tuple[pa.Array, np.ndarray]:
    """Phone numbers in several formats, and whether a real number was given."""
    area = pc.cast(pa.array(rng.integers(200, 999, n)), pa.string())
    exchange = pc.cast(pa.array(rng.integers(200, 999, n)), pa.string())
    line = pc.utf8_lpad(pc.cast(pa.array(rng.integers(0, 10_000, n)), pa.string()), 4, "0")
    long_line = pc.cast(pa.array(rng.integers(1_000_000, 9_999_999, n)), pa.string())
    city = pc.cast(pa.array(rng.integers(20, 99, n)), pa.string())
    phone = pc.choose(
        pa.array(rng.choice(5, size=n, p=[0.35, 0.25, 0.15, 0.15, 0.1]), type=pa.int8()),
        _join("+1 ", area, " ", exchange, " ", line),
        _join("(", area, ") ", exchange, "-", line),
        _join(area, ".", exchange, ".", line),
        _join("+49 ", city, " ", long_line),
        _join("0033", city, long_line),
    )
    drawn = rng.random(n)
    # missing, blank, or a placeholder a form forced someone to type
    junk = _take(["n/a", "-", "0", "TBD", "000-000-0000"], rng.choice(5, size=n))
    phone = _where(drawn < 0.35, None, phone)
    phone = _where((drawn >= 0.35) & (drawn < 0.40), "", phone)
    phone = _where((drawn >= 0.40) & (drawn < 0.42), junk, phone)
    return phone, drawn >= 0.42


def _lookup(effects: list[float], index: np.ndarray) -> np.ndarray:
    return np.asarray(effects, dtype=float)[index]


def _contacts(rng: np.random.Generator, n: int, accounts: pa.Table, account_truth: dict) -> dict:
    """One row per contact, what it truly is, and its fit on the hidden log-odds scale."""
    n_accounts = accounts.num_rows
    # larger companies have more contacts in the CRM
    account_weight = np.sqrt(account_truth["employees"].astype(float))
    account = rng.choice(n_accounts, size=n, p=_normalized(account_weight))
    has_account = rng.random(n) >= 0.06
    personal = rng.random(n) < np.where(has_account, 0.15, 0.85)
    titles, level = _job_titles(rng, n)
    work_domain = account_truth["domain"].take(pa.array(account))
    email = _emails(rng, n, personal, work_domain)
    phone, has_phone = _phones(rng, n)

    # contacts mostly live where their company does, sometimes elsewhere
    own_country = _choose(rng, [r[1] for r in COUNTRIES], n)
    country = np.where(
        has_account & (rng.random(n) < 0.8), account_truth["country"][account], own_country
    )
    country_text = _blank_out(
        rng, _spell(rng, country, _country_vocabulary()), null=0.07, blank=0.03
    )

    decision_maker = rng.random(n) < np.select([level >= 2, level == 1], [0.7, 0.25], 0.05)
    decision_maker_known = rng.random(n) >= 0.45
    source = _choose(rng, [r[1] for r in LEAD_SOURCES], n)
    source_text = _blank_out(
        rng, _spell(rng, source, [(r[0], r[3]) for r in LEAD_SOURCES]), null=0.04, blank=0.03
    )
    created_back = rng.integers(0, 3 * HISTORY_DAYS, n)
    updated_back = np.floor(created_back * rng.random(n) ** 2).astype(np.int64)
    created_at = _timestamps(created_back, rng.integers(0, 86_400, n))
    updated_at = np.maximum(_timestamps(updated_back, rng.integers(0, 86_400, n)), created_at)

    employees = account_truth["employees"][account]
    size_effect = _lookup(
        [e for _, e in SIZE_EFFECTS],
        np.searchsorted([low for low, _ in SIZE_EFFECTS], employees, side="right") - 1,
    )
    fit = (
        np.where(
            has_account,
            _lookup([r[2] for r in INDUSTRIES], account_truth["industry"][account]),
            0.0,
        )
        + np.where(has_account, size_effect, NO_ACCOUNT_EFFECT)
        + _lookup(SENIORITY_EFFECTS, level + 1)
        + PERSONAL_EMAIL_EFFECT * personal
        + DECISION_MAKER_EFFECT * decision_maker
        + _lookup([r[2] for r in LEAD_SOURCES], source)
        + _lookup([r[2] for r in COUNTRIES], country)
        + PHONE_EFFECT * has_phone
    )
    table = pa.table(
        {
            "contact_id": _ids("0035g00000", np.arange(1, n + 1), 8),
            "account_id": _where(
                ~has_account, None, accounts.column("account_id").combine_chunks().take(account)
            ),
            "email": email,
            "job_title": titles,
            "phone": phone,
            "country": country_text,
            "is_decision_maker": pa.array(decision_maker, mask=~decision_maker_known),
            "lead_source": source_text,
            "created_at": _timestamp_array(created_at),
            "updated_at": _timestamp_array(updated_at),
        }
    )
    return {
        "table": table,
        "level": level,
        "country": country,
        "employees": np.where(has_account, employees, 0),
        "created_back": created_back,
        "fit": fit,
        "has_account": has_account,
        "personal": personal,
    }


def _contact_versions(
    rng: np.random.Generator, contacts: pa.Table, country: np.ndarray
) -> pa.Table:
    """The contacts as the export delivers them: about 3 % also in an older version (another
    title, a blank lead source, an earlier ``updated_at``), about 0.7 % twice with the same
    ``updated_at`` (the address in capitals, the country spelled again), 0.3 % without an
    ``updated_at``; rows in the order of ``updated_at``, missing ones last."""
    n = contacts.num_rows
    drawn = rng.random(n)
    older = np.flatnonzero(drawn < 0.03)
    tied = np.flatnonzero((drawn >= 0.03) & (drawn < 0.037))
    no_update = (drawn >= 0.037) & (drawn < 0.040)

    old = contacts.take(older)
    old_titles, _ = _job_titles(rng, len(older))
    newer_at = old.column("updated_at").to_numpy()
    # at least a second older, and no older than the contact itself when there is room
    room = (
        (newer_at - old.column("created_at").to_numpy()).astype("timedelta64[s]").astype(np.int64)
    )
    lag = (1 + np.floor(rng.random(len(older)) * np.maximum(room, 1))).astype("timedelta64[s]")
    old = old.set_column(3, "job_title", old_titles)
    old = old.set_column(7, "lead_source", pa.array([""] * len(older), type=pa.string()))
    old = old.set_column(9, "updated_at", _timestamp_array(newer_at - lag))

    twin = contacts.take(tied)
    twin = twin.set_column(2, "email", pc.utf8_upper(twin.column("email")))
    twin = twin.set_column(5, "country", _spell(rng, country[tied], _country_vocabulary()))

    updated_at = contacts.column("updated_at").combine_chunks()
    current = contacts.set_column(9, "updated_at", _where(no_update, None, updated_at))
    exported = pa.concat_tables([current, old, twin])
    # a stable sort: the two rows of a tied contact keep their order
    order = pc.sort_indices(exported, sort_keys=[("updated_at", "ascending")])
    return exported.take(order)


def _contact_attributes(rng: np.random.Generator, contacts: dict) -> tuple[pa.Table, np.ndarray]:
    """CRM properties in long form (``persona``, ``plan_interest``, ``region``) of about 70 %
    of contacts, and their effect on the hidden log-odds (the latest value's).

    Names and values come in several spellings, some values are missing or blank, a fifth of
    the properties also have an older, overwritten value, about 1 % of the rows are exported
    twice and a few belong to contacts that no longer exist."""
    n = len(contacts["level"])
    has_properties = rng.random(n) < 0.7
    present = {
        "persona": has_properties & (rng.random(n) < 0.8),
        "plan_interest": has_properties & (rng.random(n) < 0.5),
        "region": has_properties & (rng.random(n) < 0.6),
    }
    persona_weights = np.array([r[2] for r in PERSONAS]).T  # seniority level x persona
    persona = _draw_each(rng, persona_weights[contacts["level"] + 1])

    plan_weights = np.tile([r[1] for r in PLAN_INTERESTS], (n, 1))
    plan_names = [r[0] for r in PLAN_INTERESTS]
    large = contacts["employees"] > 1_000
    small = contacts["employees"] <= 10
    for name in ENTERPRISE_PLANS:
        plan_weights[:, plan_names.index(name)] *= np.where(large, 3.0, 1.0)
    plan_weights[:, plan_names.index("Free")] *= np.where(small, 2.5, 1.0)
    plan = _draw_each(rng, plan_weights)

    region_names = [r[0] for r in REGIONS]
    usual = np.array(
        [region_names.index(COUNTRY_REGIONS.get(code, "EMEA")) for code, *_ in COUNTRIES]
    )
    rare = np.array(
        [region_names.index(RARE_REGIONS.get(code, ("EMEA", 0))[0]) for code, *_ in COUNTRIES]
    )
    rare_share = np.array([RARE_REGIONS.get(code, ("", 0.0))[1] for code, *_ in COUNTRIES])
    country = contacts["country"]
    region = np.where(rng.random(n) < rare_share[country], rare[country], usual[country])

    canonical = {"persona": persona, "plan_interest": plan, "region": region}
    vocabularies = {
        "persona": [(r[0], r[3]) for r in PERSONAS],
        "plan_interest": [(r[0], r[3]) for r in PLAN_INTERESTS],
        "region": REGIONS,
    }
    effects = {
        "persona": np.array([r[1] for r in PERSONAS]),
        "plan_interest": np.array([r[2] for r in PLAN_INTERESTS]),
        "region": np.zeros(len(REGIONS)),
    }
    created_back = contacts["created_back"]
    fit_effect = np.zeros(n)
    parts = []
    for attribute, value in canonical.items():
        rows = np.flatnonzero(present[attribute])
        k = len(rows)
        vocabulary = vocabularies[attribute]
        missing = rng.random(k)
        text = _spell(rng, value[rows], vocabulary)
        text = _where(missing < 0.02, None, text)
        text = _where((missing >= 0.02) & (missing < 0.05), "", text)
        fit_effect[rows] += np.where(missing < 0.05, 0.0, effects[attribute][value[rows]])
        days_back = np.floor(rng.random(k) * (created_back[rows] + 1)).astype(np.int64)
        names = _spell(rng, np.zeros(k, dtype=np.int64), [(attribute, ATTRIBUTE_NAMES[attribute])])
        current = (rows, names, text, _timestamps(days_back, rng.integers(0, 86_400, k)))
        parts.append(current)
        # an older value, overwritten since: another contact's value (maybe the same one),
        # its name spelled either way
        overwritten = np.flatnonzero(rng.random(k) < 0.2)
        other = value[rows][rng.integers(0, k, len(overwritten))]
        lag = rng.integers(86_400, 300 * 86_400, len(overwritten)).astype("timedelta64[s]")
        parts.append(
            (
                rows[overwritten],
                _spell(
                    rng,
                    np.zeros(len(overwritten), dtype=np.int64),
                    [(attribute, ATTRIBUTE_NAMES[attribute])],
                ),
                _spell(rng, other, vocabulary),
                current[3][overwritten] - lag,
            )
        )
    contact_index = np.concatenate([part[0] for part in parts])
    table = pa.table(
        {
            "contact_id": _ids("0035g00000", contact_index + 1, 8),
            "attribute": pa.concat_arrays([part[1] for part in parts]),
            "value": pa.concat_arrays([part[2] for part in parts]),
            "updated_at": _timestamp_array(np.concatenate([part[3] for part in parts])),
        }
    )
    twice = np.flatnonzero(rng.random(table.num_rows) < 0.01)
    unknown = max(3, n // 500)
    strangers = pa.table(
        {
            "contact_id": _ids("0035g00009", rng.integers(0, 10**8, unknown), 8),
            "attribute": _text(["persona"] * unknown),
            "value": _take([r[0] for r in PERSONAS], rng.integers(0, len(PERSONAS), unknown)),
            "updated_at": _timestamp_array(
                _timestamps(
                    rng.integers(0, HISTORY_DAYS, unknown), rng.integers(0, 86_400, unknown)
                )
            ),
        }
    )
    exported = pa.concat_tables([table, table.take(twice), strangers])
    order = pc.sort_indices(exported, sort_keys=[("updated_at", "ascending")])
    return exported.take(order), fit_effect


def _sigmoid(logit: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-logit))


def _events(
    rng: np.random.Generator, fit: np.ndarray, is_customer: np.ndarray
) -> tuple[pa.Table, dict[str, np.ndarray]]:
    """The activity log of the 365 days up to AS_OF, and per contact what the hidden logit
    reads from it.

    Each lead has a web and an e-mail engagement (heavy-tailed, most near zero), so counts per
    type are mostly 0 to 3 with long tails. Some leads are in market (likelier when they fit)
    and add buying signals bunched in the recent weeks. A few contacts are bots with hundreds
    of page views. The log then delivers about 0.6 % of events twice, 0.1 % again with a later
    timestamp, and 0.3 % copies under contact ids nobody knows."""
    n = len(fit)
    kinds = len(EVENT_KINDS)
    base = np.array([k[2] for k in EVENT_KINDS])
    extra = np.array([k[3] for k in EVENT_KINDS])
    is_email = np.array([k[0] in EMAIL_EVENT_TYPES for k in EVENT_KINDS])
    web = rng.gamma(0.35, 2.0, n)
    mail = rng.gamma(0.6, 1.25, n)
    rates = np.where(is_email, mail[:, None], web[:, None]) * base
    background = rng.poisson(rates).ravel()
    in_market = ~is_customer & (rng.random(n) < _sigmoid(-2.2 + 0.8 * fit))
    intensity = rng.gamma(2.0, 0.5, n) * in_market
    buying = rng.poisson(intensity[:, None] * extra).ravel()
    is_bot = ~is_customer & (rng.random(n) < BOT_SHARE)
    bot_views = rng.poisson(np.exp(rng.normal(np.log(180.0), 0.4, n)) * is_bot)

    families = list(SUBJECTS)
    family_of_kind = np.array([families.index(k[1]) for k in EVENT_KINDS])
    page_kinds = [i for i, k in enumerate(EVENT_KINDS) if k[0] == "page_view"]
    cell = np.repeat(np.arange(n * kinds), background)
    buying_cell = np.repeat(np.arange(n * kinds), buying)
    bot_contact = np.repeat(np.arange(n), bot_views)
    contact = np.concatenate([cell // kinds, buying_cell // kinds, bot_contact])
    kind = np.concatenate(
        [
            cell % kinds,
            buying_cell % kinds,
            # bots crawl the site's pages about as often as people visit them
            rng.choice(page_kinds, size=len(bot_contact), p=_normalized(base[page_kinds])),
        ]
    )
    days_back = np.concatenate(
        [
            rng.integers(0, HISTORY_DAYS, len(cell)),
            np.minimum(np.floor(rng.exponential(40.0, len(buying_cell))), HISTORY_DAYS - 1),
            rng.integers(0, HISTORY_DAYS, len(bot_contact)),
        ]
    ).astype(np.int64)
    m = len(contact)
    second = rng.integers(0, 86_400, m)
    order = np.lexsort((np.arange(m), second, -days_back))
    contact, kind, days_back, second = contact[order], kind[order], days_back[order], second[order]

    family = family_of_kind[kind]
    subject_counts = np.array([len(SUBJECTS[f]) for f in families])
    subject_offsets = np.cumsum(np.concatenate([[0], subject_counts[:-1]]))
    # the first subjects of a family are the popular ones
    pick = np.floor(rng.random(m) ** 1.5 * subject_counts[family]).astype(np.int64)
    subject = _take([s for f in families for s in SUBJECTS[f]], subject_offsets[family] + pick)
    # URLs as trackers record them: query strings, trailing slashes, capitals
    is_url = np.isin(kind, page_kinds) & (family != families.index("home"))
    drawn = rng.random(m)
    utm = _take(UTM_SUFFIXES, rng.integers(0, len(UTM_SUFFIXES), m))
    subject = _where(is_url & (drawn < 0.05), _join(subject, utm), subject)
    subject = _where(is_url & (drawn >= 0.05) & (drawn < 0.08), _join(subject, "/"), subject)
    subject = _where(is_url & (drawn >= 0.08) & (drawn < 0.09), pc.utf8_upper(subject), subject)

    occurred_at = _timestamps(days_back, second)
    table = pa.table(
        {
            "event_id": _ids("ev-", np.arange(1, m + 1), 10),
            "contact_id": _ids("0035g00000", contact + 1, 8),
            "event_type": _take([k[0] for k in EVENT_KINDS], kind),
            "subject": subject,
            "occurred_at": _timestamp_array(occurred_at),
        }
    )
    drawn = rng.random(m)
    twice = np.flatnonzero(drawn < 0.006)
    later = np.flatnonzero((drawn >= 0.006) & (drawn < 0.007))
    strangers = np.flatnonzero((drawn >= 0.007) & (drawn < 0.010))
    redelivered = table.take(later)
    delay = rng.integers(1, 300, len(later))
    redelivered = redelivered.set_column(
        4,
        "occurred_at",
        _timestamp_array(_timestamps(days_back[later], np.minimum(second[later] + delay, 86_399))),
    )
    unknown = table.take(strangers)
    unknown = unknown.set_column(0, "event_id", _ids("ev-x", np.arange(1, len(strangers) + 1), 9))
    unknown = unknown.set_column(
        1, "contact_id", _ids("0035g00009", rng.integers(0, 10**8, len(strangers)), 8)
    )
    exported = pa.concat_tables([table, table.take(twice), redelivered, unknown])

    weight = 0.5 ** (days_back / HALF_LIFE_DAYS)
    family_names = np.array(families)[family]

    def decayed(mask: np.ndarray) -> np.ndarray:
        return np.bincount(contact[mask], weights=weight[mask], minlength=n)

    # the hidden logit reads event types ignoring case, as the grid does
    event_type = np.array([k[0].lower() for k in EVENT_KINDS])[kind]
    signals = {
        name: decayed(np.isin(family_names, members)) for name, members in STRONG_FAMILIES.items()
    }
    signals["webinar"] = decayed(event_type == "webinar_attendance")
    signals["email_click"] = decayed(event_type == "email_click")
    signals["unsubscribed"] = np.bincount(contact[event_type == "unsubscribe"], minlength=n) > 0
    signals["recent_page_views"] = np.bincount(
        contact[(event_type == "page_view") & (days_back < 90)], minlength=n
    )
    signals["is_bot"] = is_bot
    signals["is_in_market"] = in_market
    return exported, signals


def _activity_logit(signals: dict[str, np.ndarray], good_fit: np.ndarray) -> np.ndarray:
    buying = (
        ACTIVITY_EFFECTS["demo"] * np.minimum(signals["demo"], 1.0)
        + ACTIVITY_EFFECTS["pricing"] * np.log1p(signals["pricing"])
        + ACTIVITY_EFFECTS["enterprise"] * np.log1p(signals["enterprise"])
        + ACTIVITY_EFFECTS["proof"] * np.log1p(signals["proof"])
        + ACTIVITY_EFFECTS["webinar"] * np.minimum(signals["webinar"], 1.0)
    )
    return (
        (1.0 + GOOD_FIT_ACTIVITY_BOOST * good_fit) * buying
        + ACTIVITY_EFFECTS["email_click"] * np.log1p(signals["email_click"])
        + ACTIVITY_EFFECTS["unsubscribe"] * signals["unsubscribed"]
        + ACTIVITY_EFFECTS["bot"] * (signals["recent_page_views"] >= BOT_PAGE_VIEWS)
    )


def _conversions(
    rng: np.random.Generator, probability: np.ndarray, is_customer: np.ndarray
) -> tuple[pa.Table, np.ndarray]:
    """Customers' past purchases (and some add-ons), and the leads' conversions in the
    HORIZON_DAYS after AS_OF drawn with ``probability``; 1 % of those exported twice."""
    n = len(probability)
    converts = ~is_customer & (rng.random(n) < probability)
    customer = np.flatnonzero(is_customer)
    bought_back = rng.integers(0, 2 * HISTORY_DAYS, len(customer))
    addon = rng.random(len(customer)) < 0.25
    addon_back = np.maximum(bought_back - rng.integers(14, 300, len(customer)), -HORIZON_DAYS)
    lead = np.flatnonzero(converts)
    lead_back = -rng.integers(1, HORIZON_DAYS + 1, len(lead))
    contact = np.concatenate([customer, customer[addon], lead])
    days_back = np.concatenate([bought_back, addon_back[addon], lead_back])
    product = np.concatenate(
        [
            np.zeros(len(customer), dtype=np.int64),
            np.ones(int(addon.sum()), dtype=np.int64),
            np.zeros(len(lead), dtype=np.int64),
        ]
    )
    converted_at = _timestamps(days_back, rng.integers(0, 86_400, len(contact)))
    table = pa.table(
        {
            "contact_id": _ids("0035g00000", contact + 1, 8),
            "converted_at": _timestamp_array(converted_at),
            "product": _take([PRODUCT, ADDON_PRODUCT], product),
        }
    )
    twice = len(customer) + int(addon.sum()) + np.flatnonzero(rng.random(len(lead)) < 0.01)
    exported = pa.concat_tables([table, table.take(twice)])
    order = pc.sort_indices(exported, sort_keys=[("converted_at", "ascending")])
    return exported.take(order), converts


def generate_with_truth(leads: int, seed: int = 7) -> tuple[dict[str, pa.Table], pa.Table]:
    """The tables of ``generate``, and the hidden truth behind them: one row per contact with
    ``is_customer``, ``is_bot``, ``is_in_market``, ``is_good_fit``, ``fit_logit``,
    ``activity_logit``, ``logit``, ``probability`` and ``converted`` (in the horizon)."""
    if leads < 1:
        raise ValueError("leads must be at least 1")
    rng = np.random.default_rng(seed)
    accounts, account_truth = _accounts(rng, max(10, round(leads / 6)))
    contacts = _contacts(rng, leads, accounts, account_truth)
    contact_attributes, attribute_effect = _contact_attributes(rng, contacts)
    fit = contacts["fit"] + attribute_effect
    is_customer = rng.random(leads) < CUSTOMER_SHARE
    events, signals = _events(rng, fit, is_customer)
    good_fit = fit >= GOOD_FIT_LOGIT
    activity = _activity_logit(signals, good_fit)
    logit = INTERCEPT + fit + activity
    probability = _sigmoid(logit)
    conversions, converted = _conversions(rng, probability, is_customer)
    exported_contacts = _contact_versions(rng, contacts["table"], contacts["country"])
    tables = {
        "contacts": exported_contacts,
        "accounts": accounts,
        "events": events,
        "conversions": conversions,
        "contact_attributes": contact_attributes,
    }
    truth = pa.table(
        {
            "contact_id": contacts["table"].column("contact_id"),
            "is_customer": is_customer,
            "is_bot": signals["is_bot"],
            "is_in_market": signals["is_in_market"],
            "is_good_fit": good_fit,
            "fit_logit": fit,
            "activity_logit": activity,
            "logit": logit,
            "probability": probability,
            "converted": converted,
        }
    )
    return tables, truth


def generate(leads: int, seed: int = 7) -> dict[str, pa.Table]:
    """Contract-shaped input tables (TABLES) of ``leads`` contacts, as a CRM export delivers
    them. The same ``leads`` and ``seed`` always give the same tables."""
    tables, _ = generate_with_truth(leads, seed)
    return tables


def write_duckdb(path: str | Path, schema: str, leads: int, seed: int = 7) -> None:
    """Write the tables of ``generate(leads, seed)`` into ``schema`` of the DuckDB file at
    ``path``, replacing tables of the same names."""
    tables = generate(leads, seed)
    quoted = '"' + schema.replace('"', '""') + '"'
    with duckdb.connect(str(path)) as con:
        con.execute(f"create schema if not exists {quoted}")
        for name in TABLES:
            con.register("crm_export_rows", tables[name])
            con.execute(f"create or replace table {quoted}.{name} as select * from crm_export_rows")
            con.unregister("crm_export_rows")
