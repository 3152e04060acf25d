with

source as (

    select * from {{ grid_seed('grid_activity_match_rules') }}

),

final as (

    select
        trim(scoring_model) as scoring_model,
        trim(criterion) as criterion,
        {{ normalized_text('event_type') }} as event_type,
        {{ normalized_text('subject_pattern') }} as subject_pattern
    from source

)

select * from final
