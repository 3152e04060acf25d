with

activity_counts as (

    select * from {{ ref('int_contact_activity_counts') }}

),

activity_tiers as (

    select * from {{ ref('int_grid_activity_tiers') }}

),

activity_criteria as (

    select * from {{ ref('stg_grid__activity_criteria') }}

),

scoring_offsets as (

    {{ scoring_offset_dates() }}

),

tiered as (

    -- the highest tier reached counts, at every date the activity is scored at: this is
    -- the one place of the tier, cap and decay rule
    select
        activity_counts.contact_id,
        activity_counts.scoring_model,
        activity_counts.criterion,
        activity_counts.days_earlier,
        activity_counts.event_count,
        activity_counts.last_event_on,
        {{ dbt.datediff('activity_counts.last_event_on', 'scoring_offsets.scored_as_of', 'day') }}
            as days_since_last_event,
        activity_tiers.points as uncapped_points
    from activity_counts
    inner join scoring_offsets
        on activity_counts.days_earlier = scoring_offsets.days_earlier
    inner join activity_tiers
        on
            activity_counts.scoring_model = activity_tiers.scoring_model
            and activity_counts.criterion = activity_tiers.criterion
            and {{ in_step(
                'activity_counts.event_count',
                'activity_tiers.min_event_count',
                'activity_tiers.next_min_event_count'
            ) }}

),

capped as (

    -- the cap of a negative criterion is a floor
    select
        tiered.*,
        activity_criteria.label,
        activity_criteria.display_order,
        activity_criteria.max_points,
        {{ capped_points('tiered.uncapped_points', 'activity_criteria.max_points') }}
            as capped_points,
        -- points fade by half every half-life of silence since the last counted event
        case
            when activity_criteria.decay_half_life_days is null then 1.0
            else power(
                0.5,
                cast(tiered.days_since_last_event as {{ number_type() }})
                / activity_criteria.decay_half_life_days
            )
        end as decay_factor
    from tiered
    inner join activity_criteria
        on
            tiered.scoring_model = activity_criteria.scoring_model
            and tiered.criterion = activity_criteria.criterion

),

final as (

    select
        contact_id,
        scoring_model,
        'activity' as dimension,
        criterion,
        days_earlier,
        label,
        display_order,
        event_count,
        last_event_on,
        cast(decay_factor as {{ number_type() }}) as decay_factor,
        uncapped_points,
        {{ truncated_integer('capped_points * decay_factor') }} as points,
        max_points,
        cast(null as {{ dbt.type_string() }}) as attribute
    from capped

)

select * from final
