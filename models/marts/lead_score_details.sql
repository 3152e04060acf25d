-- depends_on: {{ ref('int_grid_validation_issues') }}
-- (publishing waits for grid validation: an invalid grid fails the build first)

with

criterion_points as (

    select * from {{ ref('int_contact_criterion_points') }}

),

final as (

    select
        contact_id,
        scoring_model,
        {{ scoring_as_of_date() }} as scored_as_of,
        dimension,
        criterion,
        label,
        cast(event_count as {{ dbt.type_int() }}) as event_count,
        cast(uncapped_points as {{ dbt.type_int() }}) as uncapped_points,
        cast(points as {{ dbt.type_int() }}) as points,
        cast(max_points as {{ dbt.type_int() }}) as max_points,
        last_event_on,
        cast(decay_factor as {{ number_type() }}) as decay_factor
    from criterion_points
    where points != 0 or event_count > 0

)

select * from final
