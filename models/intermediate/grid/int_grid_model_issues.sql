{#- Problems of grid_scoring_models: a model listed twice, with a blank label, an unknown
    zone_method or a surge_points not above 0; a model named in any grid seed but listed in
    no row; a one-dimension model zoned by the matrix, or a model with no criterion at all. -#}
{%- set zone_methods = ['matrix', 'total'] -%}
{#- the grid seeds that name scoring models, each read by the CTE of its name -#}
{%- set naming_seeds = [
    'activity_criteria', 'activity_match_rules', 'fit_rules', 'grade_bands', 'zone_matrix',
    'zone_thresholds', 'model_audiences', 'account_zones', 'activity_sequences',
] -%}

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

activity_match_rules as (

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

activity_sequences as (

    select * from {{ ref('stg_grid__activity_sequences') }}

),

models_named as (

    {% for named in naming_seeds -%}
        select distinct
            'grid_{{ named }}' as grid_file,
            scoring_model
        from {{ named }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    {{ grid_rows_listed_twice(
        'scoring_models_listed',
        ['scoring_model'],
        "'scoring model is listed more than once'",
        criterion="''",
        grid_file="'grid_scoring_models'",
    ) }}

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

    select
        'grid_scoring_models' as grid_file,
        scoring_model,
        '' as criterion,
        'surge_points must be above 0 (blank for no surge)' as issue
    from scoring_models_listed
    where surge_points <= 0

    union all

    {{ grid_rows_without_match(
        'models_named',
        'scoring_models',
        ['scoring_model'],
        "'scoring model has no row in grid_scoring_models'",
        criterion="''",
        grid_file='models_named.grid_file',
    ) }}

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

)

select * from final
