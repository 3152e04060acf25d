{#- Problems of the scoring models and what decides their zones: grid_scoring_models (a
    model listed twice or in no row, an unknown zone_method, a one-dimension model zoned by
    the matrix), grid_zone_thresholds (cold and hot required, ordered, only for models zoned
    by total points) and grid_account_zones (known zones, a cold row with no minimum). -#}
{%- set zone_methods = ['matrix', 'total'] -%}

with

scoring_models_listed as (

    select * from {{ ref('stg_grid__scoring_models') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

activity_criteria as (

    select * from {{ ref('stg_grid__activity_criteria') }}

),

match_rules as (

    select * from {{ ref('stg_grid__activity_match_rules') }}

),

fit_rules as (

    select * from {{ ref('stg_grid__fit_rules') }}

),

grade_bands as (

    select * from {{ ref('stg_grid__grade_bands') }}

),

zone_matrix as (

    select * from {{ ref('stg_grid__zone_matrix') }}

),

zone_thresholds as (

    select * from {{ ref('stg_grid__zone_thresholds') }}

),

model_audiences as (

    select * from {{ ref('stg_grid__model_audiences') }}

),

account_zones as (

    select * from {{ ref('stg_grid__account_zones') }}

),

zone_ranks as (

    {{ zone_ranks() }}

),

required_thresholds as (

    -- a model zoned by total points needs a cold floor and a hot threshold; warm is optional
    select 'hot' as zone
    union all
    select 'cold' as zone

),

models_named as (

    select distinct
        'grid_activity_criteria' as grid_file,
        scoring_model
    from activity_criteria
    union all
    select distinct
        'grid_activity_match_rules' as grid_file,
        scoring_model
    from match_rules
    union all
    select distinct
        'grid_fit_rules' as grid_file,
        scoring_model
    from fit_rules
    union all
    select distinct
        'grid_grade_bands' as grid_file,
        scoring_model
    from grade_bands
    union all
    select distinct
        'grid_zone_matrix' as grid_file,
        scoring_model
    from zone_matrix
    union all
    select distinct
        'grid_zone_thresholds' as grid_file,
        scoring_model
    from zone_thresholds
    union all
    select distinct
        'grid_model_audiences' as grid_file,
        scoring_model
    from model_audiences
    union all
    select distinct
        'grid_account_zones' as grid_file,
        scoring_model
    from account_zones

),

model_issues as (

    select
        'grid_scoring_models' as grid_file,
        scoring_model,
        '' as criterion,
        'scoring model is listed more than once' as issue
    from scoring_models_listed
    group by scoring_model
    having count(*) > 1

    union all

    select
        'grid_scoring_models' as grid_file,
        scoring_model,
        '' as criterion,
        'zone_method "' || coalesce(zone_method, '') || '" is not one of '
        || '{{ zone_methods | join(", ") }}' as issue
    from scoring_models_listed
    where
        zone_method is null
        or zone_method not in (
            {%- for zone_method in zone_methods %}
                '{{ zone_method }}'{{ ',' if not loop.last }}
            {%- endfor %}
        )

    union all

    select
        'grid_scoring_models' as grid_file,
        scoring_model,
        '' as criterion,
        'scoring_model or label is blank' as issue
    from scoring_models_listed
    where scoring_model is null or label is null or label = ''

    union all

    select distinct
        models_named.grid_file,
        models_named.scoring_model,
        '' as criterion,
        'scoring model has no row in grid_scoring_models' as issue
    from models_named
    left join scoring_models
        on models_named.scoring_model = scoring_models.scoring_model
    where scoring_models.scoring_model is null

    union all

    select
        'grid_scoring_models' as grid_file,
        scoring_model,
        '' as criterion,
        case
            when not has_fit_grade and not has_activity_grade
                then 'scoring model has no fit rule, activity criterion or grade band'
            else
                'a one-dimension model (no '
                || case when has_fit_grade then 'activity' else 'fit' end
                || ' criteria or bands) has no grade cell: its zone_method must be total'
        end as issue
    from scoring_models
    where
        not (has_fit_grade and has_activity_grade)
        and (zone_method = 'matrix' or not (has_fit_grade or has_activity_grade))

),

threshold_issues as (

    select
        zone_thresholds.scoring_model,
        coalesce(zone_thresholds.zone, '') as criterion,
        'zone "' || coalesce(zone_thresholds.zone, '') || '" is not hot, warm or cold' as issue
    from zone_thresholds
    left join zone_ranks
        on zone_thresholds.zone = zone_ranks.zone
    where zone_ranks.zone is null

    union all

    select
        scoring_model,
        zone as criterion,
        'zone threshold is listed more than once' as issue
    from zone_thresholds
    group by scoring_model, zone
    having count(*) > 1

    union all

    select
        scoring_models.scoring_model,
        required.zone as criterion,
        'zone threshold is missing (a model zoned by total points needs cold and hot)' as issue
    from scoring_models
    cross join required_thresholds as required
    left join zone_thresholds
        on
            scoring_models.scoring_model = zone_thresholds.scoring_model
            and required.zone = zone_thresholds.zone
    where scoring_models.zone_method = 'total' and zone_thresholds.zone is null

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

account_zone_issues as (

    select
        account_zones.scoring_model,
        coalesce(account_zones.zone, '') as criterion,
        'zone "' || coalesce(account_zones.zone, '') || '" is not hot, warm or cold' as issue
    from account_zones
    left join zone_ranks
        on account_zones.zone = zone_ranks.zone
    where zone_ranks.zone is null

    union all

    select
        scoring_model,
        zone as criterion,
        'account zone is listed more than once' as issue
    from account_zones
    group by scoring_model, zone
    having count(*) > 1

    union all

    select
        scoring_model,
        'cold' as criterion,
        'a model with account zones needs a cold row with blank minimums' as issue
    from account_zones
    group by scoring_model
    having
        sum(
            case
                when
                    zone = 'cold'
                    and min_engaged_contacts is null
                    and min_hot_contacts is null
                    then 1
                else 0
            end
        ) = 0

    union all

    select
        scoring_model,
        zone as criterion,
        'minimum contacts must not be negative' as issue
    from account_zones
    where min_engaged_contacts < 0 or min_hot_contacts < 0

),

final as (

    select
        grid_file,
        scoring_model,
        criterion,
        issue
    from model_issues
    union all
    select
        'grid_zone_thresholds' as grid_file,
        scoring_model,
        criterion,
        issue
    from threshold_issues
    union all
    select
        'grid_account_zones' as grid_file,
        scoring_model,
        criterion,
        issue
    from account_zone_issues

)

select * from final
