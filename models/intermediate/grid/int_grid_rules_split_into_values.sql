{#- Fit rules and audience rows, the two kinds of grid rows that test an attribute with an
    operator, in the form matching reads: one row per list item, numbers parsed for ranges.
    Audience rows have no points; their `criterion` is the row itself
    (`attribute operator value`), so that membership can count the rows a contact matches. -#}
{%- set list_limit = max_list_items() -%}


with

fit_rules as (

    select * from {{ ref('stg_grid__fit_rules') }}

),

model_audiences as (

    select * from {{ ref('stg_grid__model_audiences') }}

),

item_positions as (

    {{ integer_sequence(list_limit) }}

),

grid_rules as (

    select
        'fit' as rule_kind,
        scoring_model,
        criterion,
        label,
        attribute,
        operator,
        value,
        points,
        display_order
    from fit_rules

    union all

    select
        'audience' as rule_kind,
        scoring_model,
        coalesce(attribute, '') || ' ' || coalesce(operator, '') || ' ' || coalesce(value, '')
            as criterion,
        cast(null as {{ dbt.type_string() }}) as label,
        attribute,
        operator,
        value,
        cast(null as {{ dbt.type_int() }}) as points,
        cast(null as {{ dbt.type_int() }}) as display_order
    from model_audiences

),

list_rules as (

    select
        *,
        length(value) - length(replace(value, '|', '')) + 1 as item_count
    from grid_rules
    where operator in {{ fit_operators_reading('list') }}

),

list_rule_items as (

    -- one row per list item, compared ignoring surrounding spaces
    select
        list_rules.rule_kind,
        list_rules.scoring_model,
        list_rules.criterion,
        list_rules.label,
        list_rules.attribute,
        list_rules.operator,
        list_rules.points,
        list_rules.display_order,
        nullif(trim({{ split_item('list_rules.value', '|', 'item_positions.n') }}), '')
            as value_item,
        cast(null as {{ number_type() }}) as min_number,
        cast(null as {{ number_type() }}) as max_number
    from list_rules
    inner join item_positions
        on list_rules.item_count >= item_positions.n

),

scalar_rules as (

    select
        rule_kind,
        scoring_model,
        criterion,
        label,
        attribute,
        operator,
        points,
        display_order,
        case when operator in {{ fit_operators_reading('single') }} then value end
            as value_item,
        case
            when operator in {{ fit_operators_reading('range') }}
                then {{ text_to_number(split_item('value', '|', 1)) }}
        end as min_number,
        case
            when operator in {{ fit_operators_reading('range') }}
                then {{ text_to_number(split_item('value', '|', 2)) }}
        end as max_number
    from grid_rules
    where operator not in {{ fit_operators_reading('list') }}

),

final as (

    select * from list_rule_items
    where value_item is not null
    union all
    select * from scalar_rules

)

select * from final
