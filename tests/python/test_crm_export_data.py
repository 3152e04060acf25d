"""The CRM-export generator: contract-shaped tables with the awkwardness of a real export
(long tails, mixed spellings, gaps, ties, duplicates) and planted conversion effects that
really show in the rows, the same rows for the same seed."""

from __future__ import annotations

import datetime as dt

import duckdb
import numpy as np
import pyarrow as pa
import pytest
from sklearn.metrics import roc_auc_score

from support.crm_export_data import AS_OF, TABLES, generate, generate_with_truth, write_duckdb

LEADS = 3_000
SEED = 7

CONTRACT = {
    "contacts": {
        "contact_id": pa.string(),
        "account_id": pa.string(),
        "email": pa.string(),
        "job_title": pa.string(),
        "phone": pa.string(),
        "country": pa.string(),
        "is_decision_maker": pa.bool_(),
        "lead_source": pa.string(),
        "created_at": pa.timestamp("us"),
        "updated_at": pa.timestamp("us"),
    },
    "accounts": {
        "account_id": pa.string(),
        "account_name": pa.string(),
        "domain": pa.string(),
        "industry": pa.string(),
        "employee_count": pa.int32(),
        "annual_revenue": pa.decimal128(18, 2),
        "country": pa.string(),
    },
    "events": {
        "event_id": pa.string(),
        "contact_id": pa.string(),
        "event_type": pa.string(),
        "subject": pa.string(),
        "occurred_at": pa.timestamp("us"),
    },
    "conversions": {
        "contact_id": pa.string(),
        "converted_at": pa.timestamp("us"),
        "product": pa.string(),
    },
    "contact_attributes": {
        "contact_id": pa.string(),
        "attribute": pa.string(),
        "value": pa.string(),
        "updated_at": pa.timestamp("us"),
    },
}

# one row per contact that was no customer on AS_OF: its outcome in the 90 days after, and
# its features read the way the staging models read them (trimmed, lowercased, latest
# contact version, events counted once)
LEADS_SQL = f"""
with contacts as (
    select * from contacts
    qualify row_number() over (
        partition by contact_id order by updated_at desc nulls last
    ) = 1
),
outcomes as (
    select
        contact_id,
        bool_or(converted_at::date <= date '{AS_OF}') as is_customer,
        bool_or(converted_at::date > date '{AS_OF}') as is_positive
    from conversions
    group by 1
),
events as (
    select
        contact_id,
        lower(trim(event_type)) as event_type,
        lower(trim(subject)) as subject,
        date '{AS_OF}' - occurred_at::date as days_back
    from events
    qualify row_number() over (partition by event_id order by occurred_at) = 1
),
activity as (
    select
        contact_id,
        count(*) filter (
            where event_type in ('demo_request', 'contact_request') and days_back < 90
        ) as demo_requests_90,
        count(*) filter (
            where event_type = 'page_view' and subject like '/pricing%' and days_back < 30
        ) as pricing_views_30,
        count(*) filter (
            where event_type = 'page_view' and subject like '/pricing%' and days_back < 90
        ) as pricing_views_90,
        count(*) filter (where event_type = 'page_view' and subject like '/pricing%')
            as pricing_views_365,
        count(*) filter (
            where event_type = 'page_view' and subject like '/pricing%' and days_back >= 180
        ) as old_pricing_views,
        sum(0.5 ** (days_back / 30)) filter (
            where event_type = 'page_view' and subject like '/pricing%'
        ) as decayed_pricing_views,
        count(*) filter (where event_type = 'page_view' and days_back < 90) as page_views_90,
        count(*) filter (where event_type = 'email_open') as email_opens
    from events
    group by 1
),
plan_interests as (
    select contact_id, lower(trim(value)) as plan_interest
    from contact_attributes
    where lower(trim(attribute)) = 'plan_interest'
    qualify row_number() over (partition by contact_id order by updated_at desc) = 1
)
select
    contacts.contact_id,
    coalesce(outcomes.is_positive, false) as is_positive,
    lower(trim(accounts.industry)) as industry,
    plan_interests.plan_interest,
    coalesce(activity.demo_requests_90, 0) as demo_requests_90,
    coalesce(activity.pricing_views_30, 0) as pricing_views_30,
    coalesce(activity.pricing_views_90, 0) as pricing_views_90,
    coalesce(activity.pricing_views_365, 0) as pricing_views_365,
    coalesce(activity.old_pricing_views, 0) as old_pricing_views,
    coalesce(activity.decayed_pricing_views, 0) as decayed_pricing_views,
    coalesce(activity.page_views_90, 0) as page_views_90,
    coalesce(activity.email_opens, 0) as email_opens
from contacts
left join outcomes on contacts.contact_id = outcomes.contact_id
left join accounts on contacts.account_id = accounts.account_id
left join activity on contacts.contact_id = activity.contact_id
left join plan_interests on contacts.contact_id = plan_interests.contact_id
where not coalesce(outcomes.is_customer, false)
order by contacts.contact_id
"""


@pytest.fixture(scope="module")
def generated() -> tuple[dict[str, pa.Table], pa.Table]:
    return generate_with_truth(LEADS, SEED)


@pytest.fixture(scope="module")
def tables(generated) -> dict[str, pa.Table]:
    return generated[0]


@pytest.fixture(scope="module")
def con(tables):
    connection = duckdb.connect()
    for name, table in tables.items():
        connection.register(name, table)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def leads(con) -> dict[str, np.ndarray]:
    frame = con.sql(LEADS_SQL).fetchnumpy()
    return {name: np.asarray(values) for name, values in frame.items()}


@pytest.fixture(scope="module")
def hidden(generated, leads) -> dict[str, np.ndarray]:
    """The hidden truth of the rows of ``leads``."""
    truth = generated[1]
    lead = ~truth.column("is_customer").to_numpy(zero_copy_only=False)
    columns = {
        name: truth.column(name).to_numpy(zero_copy_only=False)[lead] for name in truth.column_names
    }
    assert (columns["contact_id"] == leads["contact_id"]).all()
    return columns


def values_of(table: pa.Table, column: str) -> list:
    return table.column(column).to_pylist()


def counts_of(values: list) -> dict:
    counted: dict = {}
    for value in values:
        counted[value] = counted.get(value, 0) + 1
    return counted


def rate(leads: dict[str, np.ndarray], rows: np.ndarray) -> float:
    """The share of ``rows`` of ``leads`` that converted."""
    return float(leads["is_positive"][rows].mean())


def expected_rate(hidden: dict[str, np.ndarray], rows: np.ndarray) -> float:
    """The mean hidden conversion probability of ``rows``: the planted effect without the
    noise of drawing who converts."""
    return float(hidden["probability"][rows].mean())


# determinism and shape


def serialized(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def test_the_same_seed_gives_the_same_tables_byte_for_byte(tables):
    again = generate(LEADS, SEED)
    assert list(again) == list(TABLES)
    for name in TABLES:
        assert again[name].equals(tables[name]), name
        assert serialized(again[name]) == serialized(tables[name]), name


def test_another_seed_gives_other_tables(tables):
    other = generate(LEADS, SEED + 1)
    assert not other["events"].equals(tables["events"])
    assert not other["contacts"].equals(tables["contacts"])


def test_every_table_has_the_contract_columns_and_types(tables):
    for name, columns in CONTRACT.items():
        schema = tables[name].schema
        assert schema.names == list(columns), name
        assert [field.type for field in schema] == list(columns.values()), name


def test_row_counts_scale_with_leads(tables):
    half = generate(LEADS // 2, SEED)
    assert len(set(values_of(tables["contacts"], "contact_id"))) == 3_000
    assert len(set(values_of(half["contacts"], "contact_id"))) == 1_500
    assert tables["accounts"].num_rows == 500
    assert half["accounts"].num_rows == 250
    for name in ("events", "contact_attributes"):
        ratio = tables[name].num_rows / half[name].num_rows
        assert 1.8 < ratio < 2.2, (name, ratio)
    # a few hundred conversions: more spread
    assert 1.5 < tables["conversions"].num_rows / half["conversions"].num_rows < 2.6
    # 10 to 20 events per lead
    assert 30_000 < tables["events"].num_rows < 60_000


# long tails, spellings, gaps and ties


def test_industries_have_a_long_tail_of_rare_values(tables):
    industries = counts_of(values_of(tables["accounts"], "industry"))
    accounts = tables["accounts"].num_rows
    named = {value: n for value, n in industries.items() if value and value.strip()}
    rare = [value for value, n in named.items() if n / accounts < 0.005]
    assert len(named) >= 40
    assert len(rare) >= 10
    # one industry written several ways
    assert {"Software", "Computer Software"} <= set(named)


def test_lead_sources_include_rare_values_and_variant_spellings(tables):
    sources = counts_of(values_of(tables["contacts"], "lead_source"))
    contacts = tables["contacts"].num_rows
    assert len(sources) >= 25
    assert any(n / contacts < 0.005 for value, n in sources.items() if value)
    assert {"Website", "website", "Web"} <= set(sources)


def test_job_titles_are_free_text_with_mixed_case_and_typos(tables):
    titles = [t for t in values_of(tables["contacts"], "job_title") if t and t.strip()]
    distinct = set(titles)
    assert len(distinct) >= 200
    assert any(t.isupper() and len(t) > 4 for t in distinct)
    assert any(t.islower() and len(t) > 4 for t in distinct)
    assert any(t != t.rstrip() for t in distinct)
    assert distinct & {"Sofware Engineer", "Markting Manager", "Directr of Marketing"}
    # the same title in two spellings
    assert {"Marketing Manager", "marketing manager"} <= distinct


def test_contact_attributes_come_in_long_form_with_messy_names_and_values(tables):
    attributes = tables["contact_attributes"]
    names = set(values_of(attributes, "attribute"))
    assert {name.strip().lower() for name in names} == {"persona", "plan_interest", "region"}
    assert {"persona", "Persona", " persona ", "PLAN_INTEREST", "Region"} <= names
    values = counts_of(
        [
            (name.strip().lower(), value)
            for name, value in zip(
                values_of(attributes, "attribute"), values_of(attributes, "value"), strict=True
            )
        ]
    )
    rows = attributes.num_rows
    for attribute in ("persona", "plan_interest", "region"):
        spelled = {value: n for (name, value), n in values.items() if name == attribute}
        assert None in spelled and "" in spelled, attribute
        assert any(value and n / rows < 0.005 for value, n in spelled.items()), attribute
    assert {("region", "North America"), ("region", "NA"), ("region", "north america")} <= set(
        values
    )
    assert {("plan_interest", "Enterprise"), ("plan_interest", "enterprise")} <= set(values)


def test_countries_come_as_iso_codes_and_as_names(tables):
    for name in ("contacts", "accounts"):
        countries = set(values_of(tables[name], "country"))
        assert {"US", "United States", "DE", "Germany"} <= countries, name
    assert {"us ", "Deutschland", "USA", "UK"} <= set(values_of(tables["contacts"], "country"))


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("contacts", "email"),
        ("contacts", "job_title"),
        ("contacts", "phone"),
        ("contacts", "country"),
        ("contacts", "lead_source"),
        ("accounts", "account_name"),
        ("accounts", "domain"),
        ("accounts", "industry"),
        ("accounts", "country"),
        ("events", "subject"),
        ("contact_attributes", "value"),
    ],
)
def test_text_columns_have_nulls_and_blank_strings(tables, table, column):
    values = values_of(tables[table], column)
    assert None in values
    assert any(value is not None and not value.strip() for value in values)


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("contacts", "account_id"),
        ("contacts", "is_decision_maker"),
        ("contacts", "updated_at"),
        ("accounts", "employee_count"),
        ("accounts", "annual_revenue"),
    ],
)
def test_other_columns_have_missing_values(tables, table, column):
    assert tables[table].column(column).null_count > 0


def test_employee_counts_are_exported_as_range_bounds_with_heavy_ties(tables):
    counts = [n for n in values_of(tables["accounts"], "employee_count") if n is not None]
    tied = counts_of(counts)
    assert sum(tied.get(bound, 0) for bound in (10, 50, 200, 500, 1000)) > 0.5 * len(counts)
    assert len(tied) < 0.3 * len(counts)
    # some exact counts and placeholder zeros all the same
    assert 0 in tied
    assert any(n not in (0, 1, 10, 50, 200, 500, 1000, 5000, 10000, 10001) for n in tied)
    revenues = [r for r in values_of(tables["accounts"], "annual_revenue") if r is not None]
    assert len(set(revenues)) < 0.7 * len(revenues)


# activity


def test_most_contacts_have_zero_to_three_events_of_each_type(con):
    shares = dict(
        con.sql(
            """
            with per_contact as (
                select contacts.contact_id, types.event_type, count(events.event_id) as events
                from (select distinct contact_id from contacts) as contacts
                cross join (select distinct event_type from events) as types
                left join (select distinct * from events) as events
                    on contacts.contact_id = events.contact_id
                    and types.event_type = events.event_type
                group by all
            )
            select event_type, avg((events <= 3)::int) from per_contact group by 1
            """
        ).fetchall()
    )
    assert len(shares) >= 15
    assert min(shares.values()) > 0.5, shares
    # heavy ties: over a thousand contacts share each of the counts 0 and 1 of page views
    [(zero, one)] = con.sql(
        """
        with per_contact as (
            select contacts.contact_id, count(events.event_id) as page_views
            from (select distinct contact_id from contacts) as contacts
            left join events
                on contacts.contact_id = events.contact_id
                and events.event_type = 'page_view'
            group by 1
        )
        select count(*) filter (where page_views = 0), count(*) filter (where page_views <= 1)
        from per_contact
        """
    ).fetchall()
    assert zero > 500 and one > 1_000


def test_event_types_are_the_known_ones_and_a_few_rare_noise_types(tables):
    types = counts_of(values_of(tables["events"], "event_type"))
    known = {
        "page_view",
        "email_open",
        "email_click",
        "form_submission",
        "content_download",
        "webinar_registration",
        "webinar_attendance",
        "demo_request",
        "contact_request",
        "unsubscribe",
    }
    assert known <= set(types)
    rare = {t: n for t, n in types.items() if t not in known}
    assert len(rare) >= 4
    assert all(n < 0.01 * tables["events"].num_rows for n in rare.values())


def test_subjects_are_urls_asset_keys_and_webinar_ids(tables):
    by_type: dict[str, set] = {}
    for event_type, subject in zip(
        values_of(tables["events"], "event_type"),
        values_of(tables["events"], "subject"),
        strict=True,
    ):
        by_type.setdefault(event_type, set()).add(subject)
    pages = by_type["page_view"]
    assert {"/pricing", "/pricing/enterprise", "/"} <= pages
    assert any(s.startswith("/blog/") for s in pages)
    assert any("?utm_source=" in s for s in pages)
    assert any(s.endswith("/") and s != "/" for s in pages)
    downloads = by_type["content_download"]
    assert any(s.startswith("case-study/") for s in downloads)
    assert any(s.startswith("ebook/") for s in downloads)
    assert all(s.startswith("webinar-") for s in by_type["webinar_attendance"])


def test_activity_spans_the_year_up_to_as_of(tables):
    occurred = tables["events"].column("occurred_at").to_pylist()
    assert min(occurred).date() == AS_OF - dt.timedelta(days=364)
    assert max(occurred).date() == AS_OF


# duplicates and unknown keys


def test_some_events_are_delivered_twice_under_the_same_event_id(tables):
    events = tables["events"]
    ids = counts_of(values_of(events, "event_id"))
    twice = sum(1 for n in ids.values() if n > 1)
    assert 0.003 * len(ids) < twice < 0.02 * len(ids)
    rows = set()
    identical = 0
    for row in zip(*(values_of(events, c) for c in events.column_names), strict=True):
        identical += row in rows
        rows.add(row)
    assert identical > 0


def test_a_few_events_belong_to_unknown_contacts(tables):
    known = set(values_of(tables["contacts"], "contact_id"))
    contacts = values_of(tables["events"], "contact_id")
    unknown = sum(1 for c in contacts if c not in known)
    assert 0 < unknown < 0.01 * len(contacts)


def test_some_contacts_are_exported_twice_with_later_or_tied_updated_at(tables):
    versions: dict[str, list] = {}
    for contact, updated in zip(
        values_of(tables["contacts"], "contact_id"),
        values_of(tables["contacts"], "updated_at"),
        strict=True,
    ):
        versions.setdefault(contact, []).append(updated)
    twice = [times for times in versions.values() if len(times) > 1]
    later = [times for times in twice if len(set(times)) == len(times)]
    tied = [times for times in twice if len(set(times)) < len(times)]
    assert len(later) > 30 and len(tied) > 5


# customers and conversions


def test_five_percent_are_customers_and_about_a_tenth_of_leads_convert(tables, leads):
    conversions = tables["conversions"]
    contacts = 3_000
    customers = {
        c
        for c, at in zip(
            values_of(conversions, "contact_id"),
            values_of(conversions, "converted_at"),
            strict=True,
        )
        if at.date() <= AS_OF
    }
    assert 0.035 < len(customers) / contacts < 0.065
    assert len(leads["is_positive"]) == contacts - len(customers)
    assert 0.08 < leads["is_positive"].mean() < 0.12
    last = max(values_of(conversions, "converted_at")).date()
    assert last <= AS_OF + dt.timedelta(days=90)


def test_a_recent_demo_request_multiplies_the_conversion_rate(leads):
    requested = leads["demo_requests_90"] > 0
    assert requested.sum() > 50
    assert rate(leads, requested) > 3 * rate(leads, ~requested)


def test_pricing_page_views_raise_the_conversion_rate(leads):
    viewed = leads["pricing_views_90"] > 0
    assert rate(leads, viewed) > 2 * rate(leads, ~viewed)


def test_a_couple_of_fit_values_raise_the_conversion_rate(leads, hidden):
    software = np.isin(leads["industry"], ["software", "computer software", "saas"])
    assert rate(leads, software) > 1.3 * rate(leads, ~software)
    enterprise = leads["plan_interest"] == "enterprise"
    free = np.isin(leads["plan_interest"], ["free", "free trial", "free tier"])
    assert rate(leads, enterprise) > 1.4 * rate(leads, free)
    assert expected_rate(hidden, enterprise) > 2 * expected_rate(hidden, free)
    # and a few lower it
    education = np.isin(leads["industry"], ["education", "higher education"])
    assert expected_rate(hidden, education) < 0.9 * expected_rate(hidden, ~education)


def test_e_mail_opens_are_noise(leads, hidden):
    opened = leads["email_opens"] >= 3
    assert abs(rate(leads, opened) - rate(leads, ~opened)) < 0.035
    assert 0.85 < expected_rate(hidden, opened) / expected_rate(hidden, ~opened) < 1.15


def test_very_many_recent_page_views_convert_less_than_many(leads, hidden):
    views = leads["page_views_90"]
    many = (views >= 5) & (views < 25)
    very_many = views >= 25  # mostly bots
    assert very_many.sum() >= 30
    assert rate(leads, many) > 2 * rate(leads, views < 5)
    assert rate(leads, very_many) < rate(leads, many)
    assert expected_rate(hidden, very_many) < 0.6 * expected_rate(hidden, many)


def test_recent_pricing_views_signal_more_than_old_ones(leads):
    recent = leads["pricing_views_30"] > 0
    only_old = (leads["old_pricing_views"] > 0) & (leads["pricing_views_90"] == 0)
    assert only_old.sum() > 100
    assert rate(leads, recent) > 2.5 * rate(leads, only_old)
    # so among leads who saw pricing pages, a decaying count ranks them better than a plain
    # count over the year
    seen = leads["pricing_views_365"] > 0
    positive = leads["is_positive"][seen]
    decayed = roc_auc_score(positive, leads["decayed_pricing_views"][seen])
    plain = roc_auc_score(positive, leads["pricing_views_365"][seen])
    assert decayed > plain + 0.03


def test_a_demo_request_lifts_good_fit_leads_more(leads, hidden):
    good_fit = hidden["is_good_fit"]
    requested = leads["demo_requests_90"] > 0
    assert (good_fit & requested).sum() > 30 and (~good_fit & requested).sum() > 30

    def log_odds_lift(group: np.ndarray) -> float:
        """How much higher the hidden log-odds are, on average, with a recent request."""
        logit = hidden["logit"]
        return logit[group & requested].mean() - logit[group & ~requested].mean()

    assert log_odds_lift(good_fit) > log_odds_lift(~good_fit) + 0.4


# writing to DuckDB


def test_write_duckdb_writes_every_table_into_the_schema_and_replaces_it(tmp_path, tables):
    path = tmp_path / "crm.duckdb"
    write_duckdb(path, "crm_export", 500, seed=3)
    write_duckdb(path, "crm_export", LEADS, seed=SEED)
    with duckdb.connect(str(path), read_only=True) as written:
        for name in TABLES:
            [(rows,)] = written.execute(f"select count(*) from crm_export.{name}").fetchall()
            assert rows == tables[name].num_rows, name
        types = dict(
            written.execute(
                """
                select column_name, data_type from information_schema.columns
                where table_schema = 'crm_export' and table_name = 'accounts'
                """
            ).fetchall()
        )
    assert types["employee_count"] == "INTEGER"
    assert types["annual_revenue"] == "DECIMAL(18,2)"
