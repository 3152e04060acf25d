{#- The attributes of the input contract a fit rule may test, named `table.column`. This is
    the contract's shape, not grid data: the grid names attributes and joins to them here.
    Numeric attributes also keep their number, for `between`. -#}
{%- set attributes = [
    {'table': 'contacts', 'column': 'account_id', 'is_numeric': false},
    {'table': 'contacts', 'column': 'email', 'is_numeric': false},
    {'table': 'contacts', 'column': 'job_title', 'is_numeric': false},
    {'table': 'contacts', 'column': 'phone', 'is_numeric': false},
    {'table': 'contacts', 'column': 'country', 'is_numeric': false},
    {'table': 'contacts', 'column': 'is_decision_maker', 'is_numeric': false},
    {'table': 'contacts', 'column': 'lead_source', 'is_numeric': false},
    {'table': 'accounts', 'column': 'account_name', 'is_numeric': false},
    {'table': 'accounts', 'column': 'domain', 'is_numeric': false},
    {'table': 'accounts', 'column': 'industry', 'is_numeric': false},
    {'table': 'accounts', 'column': 'employee_count', 'is_numeric': true},
    {'table': 'accounts', 'column': 'annual_revenue', 'is_numeric': true},
    {'table': 'accounts', 'column': 'country', 'is_numeric': false},
] -%}

with

contacts as (

    select * from {{ ref('stg_lead_scoring__contacts') }}

),

accounts as (

    select * from {{ ref('stg_lead_scoring__accounts') }}

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
                cast({{ column }} as {{ dbt.type_numeric() }})
            {%- else -%}
                cast(null as {{ dbt.type_numeric() }})
            {%- endif %} as attribute_number
        from contacts_with_accounts
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    -- a blank attribute matches no operator, so it needs no row
    select
        contact_id,
        attribute,
        attribute_value,
        attribute_number
    from unpivoted
    where attribute_value is not null

)

select * from final
