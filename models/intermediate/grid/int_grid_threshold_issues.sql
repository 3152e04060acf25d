{#- Problems of grid_zone_thresholds: cold and hot required for a model zoned by total
    points, a minimum on cold or none on hot/warm, hot not above warm, a zone listed twice,
    thresholds given to a model zoned by the matrix (int_grid_zone_issues checks the zone
    names). -#}
with

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

zone_thresholds as (

    select * from {{ ref('stg_grid__zone_thresholds') }}

),

required_thresholds as (

    -- a model zoned by total points needs a cold floor and a hot threshold; warm is optional
    select 'hot' as zone
    union all
    select 'cold' as zone

),

thresholds_needed as (

    select
        scoring_models.scoring_model,
        required_thresholds.zone
    from scoring_models
    cross join required_thresholds
    where scoring_models.zone_method = 'total'

),

threshold_issues as (

    {{ grid_rows_listed_twice(
        'zone_thresholds',
        ['scoring_model', 'zone'],
        "'zone threshold is listed more than once'",
        criterion='zone',
    ) }}

    union all

    {{ grid_rows_without_match(
        'thresholds_needed',
        'zone_thresholds',
        ['scoring_model', 'zone'],
        "'zone threshold is missing (a model zoned by total points needs cold and hot)'",
        criterion='thresholds_needed.zone',
    ) }}

    union all

    select
        scoring_model,
        zone as criterion,
        case
            when zone = 'cold'
                then 'cold must have a blank min_total_points: it catches every lower total'
            else zone || ' needs a min_total_points'
        end as issue
    from zone_thresholds
    where
        (zone = 'cold' and min_total_points is not null)
        or (zone in ('hot', 'warm') and min_total_points is null)

    union all

    select
        hot.scoring_model,
        'hot' as criterion,
        'thresholds out of order: hot needs a higher min_total_points than warm' as issue
    from zone_thresholds as hot
    inner join zone_thresholds as warm
        on
            hot.scoring_model = warm.scoring_model
            and hot.zone = 'hot'
            and warm.zone = 'warm'
    where hot.min_total_points <= warm.min_total_points

    union all

    select distinct
        zone_thresholds.scoring_model,
        '' as criterion,
        'zone thresholds for a model whose zone_method is not total' as issue
    from zone_thresholds
    inner join scoring_models
        on zone_thresholds.scoring_model = scoring_models.scoring_model
    where scoring_models.zone_method != 'total'

),

final as (

    select
        'grid_zone_thresholds' as grid_file,
        scoring_model,
        criterion,
        issue
    from threshold_issues

)

select * from final
