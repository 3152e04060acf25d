-- a table kept across runs (rescored_model_config): rule matching and the data-quality report both
-- read it
{{ config(**lead_scoring.rescored_model_config()) }}
{%- set since = lead_scoring.rescore_since() %}

with

attribute_values as (

    select * from {{ ref('int_contact_attribute_values_all') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

grid_rules as (

    select * from {{ ref('int_grid_rules_split_into_values') }}

),

tested_attributes as (

    select distinct attribute from grid_rules

),

final as (

    -- an attribute no grid rule tests matches nothing, so it needs no row; text is read as
    -- a number only once these rows are kept
    select
        attribute_values.contact_id,
        attribute_values.attribute,
        attribute_values.attribute_value,
        coalesce(
            attribute_values.attribute_number,
            {{ text_to_number('attribute_values.attribute_value') }}
        ) as attribute_number,
        attribute_values.days_earlier
    from attribute_values
    inner join tested_attributes
        on attribute_values.attribute = tested_attributes.attribute

)

select
    *,
    {{ lead_scoring.run_timestamp() }} as rescored_at
from final
