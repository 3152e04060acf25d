{%- set attributes = fit_attributes() -%}

-- a table: rule matching and the data-quality report both read it
{{ config(materialized='table') }}

with

contacts as (

    select * from {{ ref('stg_lead_scoring__contacts') }}

),

accounts as (

    select * from {{ ref('stg_lead_scoring__accounts') }}

),

contact_attributes as (

    select * from {{ ref('stg_lead_scoring__contact_attributes') }}

),

conversions_by_product as (

    select * from {{ ref('int_contact_conversions_by_product') }}

),

grid_rules as (

    select * from {{ ref('int_grid_rules_split_into_values') }}

),

tested_attributes as (

    select distinct attribute from grid_rules

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

customers as (

    -- lead.is_customer: converted on or before the as-of date, any product
    select contact_id
    from conversions_by_product
    group by contact_id
    having max(case when has_converted_by_as_of then 1 else 0 end) = 1

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
            {%- endif %} as attribute_number
        from contacts_with_accounts
        union all
    {% endfor %}

    select
        contact_attributes.contact_id,
        'attributes.' || contact_attributes.attribute as attribute,
        {{ normalized_text('contact_attributes.value') }} as attribute_value,
        cast(null as {{ number_type() }}) as attribute_number
    from contact_attributes
    inner join contacts
        on contact_attributes.contact_id = contacts.contact_id

    union all

    select
        contacts.contact_id,
        'lead.is_customer' as attribute,
        case when customers.contact_id is null then 'false' else 'true' end as attribute_value,
        cast(null as {{ number_type() }}) as attribute_number
    from contacts
    left join customers
        on contacts.contact_id = customers.contact_id

),

final as (

    -- a blank attribute, or one no grid rule tests, matches nothing, so it needs no row;
    -- text is read as a number only once these rows are kept
    select
        unpivoted.contact_id,
        unpivoted.attribute,
        unpivoted.attribute_value,
        coalesce(
            unpivoted.attribute_number, {{ text_to_number('unpivoted.attribute_value') }}
        ) as attribute_number
    from unpivoted
    inner join tested_attributes
        on unpivoted.attribute = tested_attributes.attribute
    where unpivoted.attribute_value is not null

)

select * from final
