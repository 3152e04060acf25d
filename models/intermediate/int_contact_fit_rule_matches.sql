with

contact_attributes as (

    select * from {{ ref('int_contact_attributes_unpivoted') }}

),

fit_rule_values as (

    select * from {{ ref('int_fit_rules_split_into_values') }}

),

matched_by_value as (

    -- operators are data: each rule is evaluated against the attribute it names. Equality
    -- operators join on the compared value itself, so each attribute value is looked up
    -- once instead of being compared with every item of every list
    select
        contact_attributes.contact_id,
        fit_rule_values.scoring_model,
        fit_rule_values.criterion,
        fit_rule_values.label,
        fit_rule_values.points,
        fit_rule_values.display_order
    from contact_attributes
    inner join fit_rule_values
        on
            contact_attributes.attribute = fit_rule_values.attribute
            and contact_attributes.attribute_value = fit_rule_values.value_item
    where fit_rule_values.operator in ('equals', 'in')

),

matched_by_email_domain as (

    select
        contact_attributes.contact_id,
        fit_rule_values.scoring_model,
        fit_rule_values.criterion,
        fit_rule_values.label,
        fit_rule_values.points,
        fit_rule_values.display_order
    from contact_attributes
    inner join fit_rule_values
        on
            contact_attributes.attribute = fit_rule_values.attribute
            and trim({{ split_item('contact_attributes.attribute_value', '@', 2) }})
            = fit_rule_values.value_item
    where fit_rule_values.operator = 'email_domain_in'

),

matched_by_condition as (

    select
        contact_attributes.contact_id,
        fit_rule_values.scoring_model,
        fit_rule_values.criterion,
        fit_rule_values.label,
        fit_rule_values.points,
        fit_rule_values.display_order
    from contact_attributes
    inner join fit_rule_values
        on contact_attributes.attribute = fit_rule_values.attribute
    where
        case fit_rule_values.operator
            when 'contains_any'
                then {{ dbt.position(
                    'fit_rule_values.value_item',
                    'contact_attributes.attribute_value'
                ) }} > 0
            when 'between'
                then
                    contact_attributes.attribute_number
                    between fit_rule_values.min_number and fit_rule_values.max_number
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

    -- a list rule may match through several of its items; it counts once
    select distinct
        contact_id,
        scoring_model,
        criterion,
        label,
        points,
        display_order
    from matched

)

select * from final
