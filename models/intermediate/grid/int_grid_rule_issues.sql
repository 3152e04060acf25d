{#- Problems of the rows that test an attribute with an operator, fit rules and audience
    rows alike: operators, attributes no input has, values an operator cannot read, lists
    too long, rows listed twice. -#}
{%- set list_limit = max_list_items() -%}
{%- set has_contact_attributes = optional_source('contact_attributes') is not none -%}
{%- set unknown_attribute_issue -%}
    case
        when grid_rules.attribute like 'attributes.%'
            then
                'attribute "' || grid_rules.attribute || '" needs the contact_attributes '
                || 'table, which is not in the source schema'
        else
            'attribute "' || coalesce(grid_rules.attribute, '')
            || '" is not a column of the contacts or accounts source table (write '
            || 'contacts.<column>, accounts.<column>, attributes.<name> or lead.is_customer)'
    end
{%- endset -%}

with

fit_rules as (

    select * from {{ ref('stg_grid__fit_rules') }}

),

model_audiences as (

    select * from {{ ref('stg_grid__model_audiences') }}

),

known_attributes as (

    -- the contact and account columns (contract or not), and lead.is_customer
    {% for attribute in fit_attributes() -%}
        select '{{ attribute.table }}.{{ attribute.column }}' as attribute
        union all
    {% endfor -%}
    select 'lead.is_customer' as attribute

),

known_operators as (

    {% for operator in fit_operators() -%}
        select '{{ operator }}' as operator
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

grid_rules as (

    select
        'grid_fit_rules' as grid_file,
        scoring_model,
        criterion,
        attribute,
        operator,
        value
    from fit_rules
    union all
    select
        'grid_model_audiences' as grid_file,
        scoring_model,
        attribute as criterion,
        attribute,
        operator,
        value
    from model_audiences

),

grid_rules_parsed as (

    select
        *,
        length(value) - length(replace(value, '|', '')) + 1 as item_count,
        {{ text_to_number(split_item('value', '|', 1)) }}
            as min_number,
        {{ text_to_number(split_item('value', '|', 2)) }}
            as max_number
    from grid_rules

),

final as (

    {{ grid_rows_without_match(
        'grid_rules',
        'known_operators',
        ['operator'],
        "'unknown operator \"' || coalesce(grid_rules.operator, '') || '\" (expected one of '
        || '" ~ fit_operators() | join(', ') ~ ")'",
        grid_file='grid_rules.grid_file',
    ) }}

    union all

    {{ grid_rows_without_match(
        'grid_rules',
        'known_attributes',
        ['attribute'],
        unknown_attribute_issue,
        grid_file='grid_rules.grid_file',
        where="not (grid_rules.attribute like 'attributes._%' and "
        ~ ('true' if has_contact_attributes else 'false') ~ ")",
    ) }}

    union all

    select distinct
        grid_file,
        scoring_model,
        criterion,
        'between value "' || coalesce(value, '') || '" is not two numbers min|max' as issue
    from grid_rules_parsed
    where
        operator in {{ fit_operators_reading('range') }}
        and (
            value is null
            or item_count != 2
            or min_number is null
            or max_number is null
            or min_number > max_number
        )

    union all

    select distinct
        grid_file,
        scoring_model,
        criterion,
        operator || ' needs a value' as issue
    from grid_rules
    where
        value is null
        and (
            operator in {{ fit_operators_reading('single') }}
            or operator in {{ fit_operators_reading('list') }}
        )

    union all

    select distinct
        grid_file,
        scoring_model,
        criterion,
        operator || ' lists more than {{ list_limit }} values' as issue
    from grid_rules_parsed
    where
        operator in {{ fit_operators_reading('list') }}
        and item_count > {{ list_limit }}

    union all

    {{ grid_rows_listed_twice(
        'grid_rules',
        ['grid_file', 'scoring_model', 'criterion', 'attribute', 'operator', 'value'],
        "'the same rule is listed more than once'",
        grid_file='grid_file',
    ) }}

)

select * from final
