-- a table kept across runs (rescored_model_config): the one unpivot of the contacts' attributes;
-- the tested values (a table the rule matching reads), the learning inputs and its key test read it
-- (as a view, the key test unpivoted every contact again)
{{ config(**lead_scoring.rescored_model_config()) }}
{%- set since = lead_scoring.rescore_since() %}

{%- set attributes = fit_attributes() -%}
{#- Every attribute of every contact, tested by the grid or not: the one place that reads
    contact and account columns, contact_attributes and lead.is_customer as attributes.
    `days_earlier` dates a value: null for the attributes without history (they hold at
    every date), 0 and conversion_horizon_days for lead.is_customer, whose history the
    conversions hold (the calibration window scores the audience of its start). -#}
with

contacts as (

    select * from {{ ref('int_contacts_cleaned') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

accounts as (

    select * from {{ ref('int_accounts_cleaned') }}

),

contact_attributes as (

    select * from {{ ref('int_contact_attributes_cleaned') }}

),

conversion_outcomes as (

    select * from {{ ref('int_contact_conversion_scopes') }}

),

contacts_with_accounts as (

    select
        {% for attribute in attributes -%}
            {{ attribute.table }}.{{ adapter.quote(attribute.column) }}
                as attribute_{{ loop.index }},
        {% endfor -%}
        contacts.contact_id
    from contacts
    left join accounts
        on contacts.account_id = accounts.account_id

),

customer_dates as (

    -- lead.is_customer has a history: as of the as-of date (0 days earlier) and as of the
    -- calibration window's start
    select 0 as days_earlier
    union all
    select {{ conversion_horizon_days() }} as days_earlier

),

customers as (

    -- converted on or before the date, any product
    select
        contact_id,
        0 as days_earlier
    from conversion_outcomes
    where conversion_product is null and is_existing_customer
    union all
    select
        contact_id,
        {{ conversion_horizon_days() }} as days_earlier
    from conversion_outcomes
    where conversion_product is null and is_customer_at_calibration_start

),

unpivoted as (

    {% for attribute in attributes -%}
        {%- set column = 'attribute_' ~ loop.index %}
        select
            contact_id,
            '{{ attribute.table }}.{{ attribute.column }}' as attribute,
            {{ normalized_text(column) }} as attribute_value,
            {% if attribute.is_numeric -%}
                cast({{ column }} as {{ number_type() }})
            {%- else -%}
                cast(null as {{ number_type() }})
            {%- endif %} as attribute_number,
            cast(null as {{ dbt.type_int() }}) as days_earlier
        from contacts_with_accounts
        union all
    {% endfor %}

    select
        contact_attributes.contact_id,
        'attributes.' || contact_attributes.attribute as attribute,
        {{ normalized_text('contact_attributes.value') }} as attribute_value,
        cast(null as {{ number_type() }}) as attribute_number,
        cast(null as {{ dbt.type_int() }}) as days_earlier
    from contact_attributes
    inner join contacts
        on contact_attributes.contact_id = contacts.contact_id

    union all

    select
        contacts.contact_id,
        'lead.is_customer' as attribute,
        case when customers.contact_id is null then 'false' else 'true' end as attribute_value,
        cast(null as {{ number_type() }}) as attribute_number,
        customer_dates.days_earlier
    from contacts
    cross join customer_dates
    left join customers
        on
            contacts.contact_id = customers.contact_id
            and customer_dates.days_earlier = customers.days_earlier

),

final as (

    -- a blank attribute matches nothing, so it needs no row
    select
        contact_id,
        attribute,
        attribute_value,
        attribute_number,
        days_earlier
    from unpivoted
    where attribute_value is not null

)

select
    *,
    {{ lead_scoring.run_timestamp() }} as rescored_at
from final
