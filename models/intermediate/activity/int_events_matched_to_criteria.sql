with

events as (

    select * from {{ ref('int_events_with_quality_reason') }}

),

match_rules as (

    select * from {{ ref('stg_grid__activity_match_rules') }}

),

activity_criteria as (

    select * from {{ ref('stg_grid__activity_criteria') }}

),

final as (

    {{ events_matched_to_criteria('events', 'match_rules', 'activity_criteria') }}

)

select * from final
