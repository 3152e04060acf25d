{#- Problems of the activity grid: tiers, caps, windows, decay, labels, duplicate criteria,
    and match rules with no criterion or criteria with no match rule. The tiers are read in
    the long form scoring reads (int_grid_activity_tiers). -#}
with

activity_criteria as (

    select * from {{ ref('stg_grid__activity_criteria') }}

),

match_rules as (

    select * from {{ ref('stg_grid__activity_match_rules') }}

),

activity_tiers as (

    select * from {{ ref('int_grid_activity_tiers') }}

),

tier_steps as (

    select
        *,
        lag(points) over (
            partition by scoring_model, criterion
            order by min_event_count
        ) as previous_points
    from activity_tiers

),

tier_summary as (

    select
        scoring_model,
        criterion,
        min(points) as lowest_tier,
        max(points) as highest_tier,
        max(case when points < previous_points then 1 else 0 end) = 1 as has_falling_tier
    from tier_steps
    group by scoring_model, criterion

),

activity_tier_ranges as (

    select
        activity_criteria.*,
        tier_summary.lowest_tier,
        tier_summary.highest_tier,
        tier_summary.has_falling_tier
    from activity_criteria
    inner join tier_summary
        on
            activity_criteria.scoring_model = tier_summary.scoring_model
            and activity_criteria.criterion = tier_summary.criterion

),

activity_issues as (

    select
        scoring_model,
        criterion,
        'tier points mix positive and negative values' as issue
    from activity_tier_ranges
    where lowest_tier < 0 and highest_tier > 0

    union all

    select
        scoring_model,
        criterion,
        'max_points has the wrong sign for its tier points' as issue
    from activity_tier_ranges
    where
        (max_points > 0 and lowest_tier < 0)
        or (max_points < 0 and highest_tier > 0)
        or (max_points = 0 and (lowest_tier != 0 or highest_tier != 0))

    union all

    select
        scoring_model,
        criterion,
        'a tier passes the cap max_points' as issue
    from activity_tier_ranges
    where
        (max_points > 0 and highest_tier > max_points)
        or (max_points < 0 and lowest_tier < max_points)

    union all

    select
        scoring_model,
        criterion,
        'points fall as the count rises (1+, 2+, 5+, 10+ must not decrease)' as issue
    from activity_tier_ranges
    where lowest_tier >= 0 and has_falling_tier

    union all

    select
        scoring_model,
        criterion,
        'lookback_days must be a positive number of days, or blank for all history' as issue
    from activity_tier_ranges
    where lookback_days <= 0

    union all

    select
        scoring_model,
        criterion,
        'decay_half_life_days must be a positive number of days, or blank for no decay' as issue
    from activity_tier_ranges
    where decay_half_life_days <= 0

    union all

    select
        scoring_model,
        criterion,
        'label is blank' as issue
    from activity_tier_ranges
    where label is null or label = ''

    union all

    {{ grid_rows_listed_twice(
        'activity_criteria',
        ['scoring_model', 'criterion'],
        "'criterion is listed more than once'",
    ) }}

    union all

    {{ grid_rows_without_match(
        'activity_criteria',
        'match_rules',
        ['scoring_model', 'criterion'],
        "'criterion has no match rule in grid_activity_match_rules'",
    ) }}

),

match_rule_issues as (

    {{ grid_rows_without_match(
        'match_rules',
        'activity_criteria',
        ['scoring_model', 'criterion'],
        "'match rule points at no criterion of grid_activity_criteria'",
    ) }}

    union all

    select distinct
        scoring_model,
        criterion,
        'match rule has a blank event_type' as issue
    from match_rules
    where event_type is null

),

final as (

    select
        'grid_activity_criteria' as grid_file,
        scoring_model,
        criterion,
        issue
    from activity_issues
    union all
    select
        'grid_activity_match_rules' as grid_file,
        scoring_model,
        criterion,
        issue
    from match_rule_issues

)

select * from final
