with

criterion_points as (

    select * from {{ ref('int_contact_criterion_points') }}

),

reasons as (

    -- e.g. `Key page visits (2) +1000`: the count is shown once an activity criterion
    -- matched more than one event
    select
        contact_id,
        scoring_model,
        points,
        display_order,
        label
        || case
            when event_count > 1
                then ' (' || cast(event_count as {{ dbt.type_string() }}) || ')'
            else ''
        end
        || case when points > 0 then ' +' else ' ' end
        || cast(points as {{ dbt.type_string() }}) as reason
    from criterion_points
    where points != 0

),

final as (

    -- largest absolute points first, ties in grid order
    select
        contact_id,
        scoring_model,
        {{ ordered_string_agg(
            'reason',
            '; ',
            ['-abs(points)', 'display_order', 'reason']
        ) }} as score_reasons
    from reasons
    group by 1, 2

)

select * from final
