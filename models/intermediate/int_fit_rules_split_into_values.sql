{#- Longest `|`-separated list a fit rule's value may hold. -#}
{%- set max_list_items = 100 -%}

with

fit_rules as (

    select * from {{ ref('stg_grid__fit_rules') }}

),

item_positions as (

    {{ integer_sequence(max_list_items) }}

),

list_rules as (

    select
        *,
        length(value) - length(replace(value, '|', '')) + 1 as item_count
    from fit_rules
    where operator in ('in', 'contains_any', 'email_domain_in')

),

list_rule_items as (

    -- one row per list item, compared ignoring surrounding spaces
    select
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
        scoring_model,
        criterion,
        label,
        attribute,
        operator,
        points,
        display_order,
        case when operator = 'equals' then value end as value_item,
        case
            when operator = 'between'
                then {{ text_to_number(split_item('value', '|', 1)) }}
        end as min_number,
        case
            when operator = 'between'
                then {{ text_to_number(split_item('value', '|', 2)) }}
        end as max_number
    from fit_rules
    where operator not in ('in', 'contains_any', 'email_domain_in')

),

final as (

    select * from list_rule_items
    where value_item is not null
    union all
    select * from scalar_rules

)

select * from final
