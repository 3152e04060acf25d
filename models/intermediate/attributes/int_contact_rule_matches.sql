-- a table kept across runs (rescored_model_config): fit points and audiences both read it, and
-- inlining it into both (as a view) gave Spark a plan too large to analyse in its default driver
-- memory
{{ config(**lead_scoring.rescored_model_config()) }}
{%- set since = lead_scoring.rescore_since() %}

with

contact_attributes as (

    select * from {{ ref('int_contact_attribute_values_tested') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

grid_rule_values as (

    select * from {{ ref('int_grid_rules_split_into_values') }}

),

matched_by_value as (

    -- operators are data: each fit rule or audience row is evaluated against the attribute
    -- it names. Equality operators join on the compared value itself, so each attribute
    -- value is looked up once instead of being compared with every item of every list
    select
        contact_attributes.contact_id,
        contact_attributes.days_earlier,
        grid_rule_values.*
    from contact_attributes
    inner join grid_rule_values
        on
            contact_attributes.attribute = grid_rule_values.attribute
            and contact_attributes.attribute_value = grid_rule_values.value_item
    where grid_rule_values.operator in ('equals', 'in')

),

matched_by_email_domain as (

    select
        contact_attributes.contact_id,
        contact_attributes.days_earlier,
        grid_rule_values.*
    from contact_attributes
    inner join grid_rule_values
        on
            contact_attributes.attribute = grid_rule_values.attribute
            and trim({{ split_item('contact_attributes.attribute_value', '@', 2) }})
            = grid_rule_values.value_item
    where grid_rule_values.operator = 'email_domain_in'

),

matched_by_condition as (

    select
        contact_attributes.contact_id,
        contact_attributes.days_earlier,
        grid_rule_values.*
    from contact_attributes
    inner join grid_rule_values
        on contact_attributes.attribute = grid_rule_values.attribute
    where
        case grid_rule_values.operator
            when 'contains_any'
                then {{ dbt.position(
                    'grid_rule_values.value_item',
                    'contact_attributes.attribute_value'
                ) }} > 0
            when 'between'
                then
                    contact_attributes.attribute_number
                    between grid_rule_values.min_number and grid_rule_values.max_number
            when 'is_present'
                then contact_attributes.attribute_value is not null
            else false
        end

),

matched as (

    select * from matched_by_value
    union all
    select * from matched_by_email_domain
    union all
    select * from matched_by_condition

),

final as (

    -- a list rule may match through several of its items (one row each above); it counts
    -- once
    select distinct
        contact_id,
        rule_kind,
        scoring_model,
        criterion,
        label,
        points,
        display_order,
        attribute,
        days_earlier
    from matched

)

select
    *,
    {{ lead_scoring.run_timestamp() }} as rescored_at
from final
