{%- set attributes = fit_attributes() -%}

with

contacts as (

    select * from {{ ref('stg_lead_scoring__contacts') }}

),

accounts as (

    select * from {{ ref('stg_lead_scoring__accounts') }}

),

fit_rules as (

    select * from {{ ref('stg_grid__fit_rules') }}

),

tested_attributes as (

    select distinct attribute from fit_rules

),

contacts_with_accounts as (

    select
        {% for attribute in attributes -%}
            {{ attribute.table }}.{{ attribute.column }}
                as {{ attribute.table }}__{{ attribute.column }},
        {% endfor -%}
        contacts.contact_id
    from contacts
    left join accounts
        on contacts.account_id = accounts.account_id

),

unpivoted as (

    {% for attribute in attributes -%}
        {%- set column = attribute.table ~ '__' ~ attribute.column %}
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
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    -- a blank attribute, or one no fit rule tests, matches nothing, so it needs no row
    select
        unpivoted.contact_id,
        unpivoted.attribute,
        unpivoted.attribute_value,
        unpivoted.attribute_number
    from unpivoted
    inner join tested_attributes
        on unpivoted.attribute = tested_attributes.attribute
    where unpivoted.attribute_value is not null

)

select * from final
