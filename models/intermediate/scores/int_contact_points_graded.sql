-- a table, not a view: lead_scores, account_scores, the evaluation and sales-feedback marts
-- and their tests all read it (bench/RESULTS.md)
{{ config(materialized='table') }}

with

audience_members as (

    select * from {{ ref('int_contact_model_audiences') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

criterion_points as (

    select * from {{ ref('int_contact_criterion_points') }}

),

point_ranges as (

    select * from {{ ref('int_grid_point_ranges') }}

),

zone_matrix as (

    select * from {{ ref('stg_grid__zone_matrix') }}

),

points_by_dimension as (

    select
        contact_id,
        scoring_model,
        {{ summed_dimension_points('fit') }} as fit_points,
        {{ summed_dimension_points('activity') }} as activity_points
    from criterion_points
    group by 1, 2

),

contact_points as (

    -- each model scores the contacts of its audience, with 0 points where no criterion
    -- scored
    select
        audience_members.contact_id,
        audience_members.account_id,
        audience_members.scoring_model,
        coalesce(points_by_dimension.fit_points, 0) as fit_points,
        coalesce(points_by_dimension.activity_points, 0) as activity_points,
        coalesce(points_by_dimension.fit_points, 0)
        + coalesce(points_by_dimension.activity_points, 0) as total_points
    from audience_members
    left join points_by_dimension
        on
            audience_members.contact_id = points_by_dimension.contact_id
            and audience_members.scoring_model = points_by_dimension.scoring_model

),

graded as (

    -- a model with no bands for a dimension has no grade there (one-dimension models)
    select
        contact_points.*,
        scoring_models.zone_method,
        fit_bands.step as fit_grade,
        activity_bands.step as activity_grade,
        total_zones.step as total_zone
    from contact_points
    inner join scoring_models
        on contact_points.scoring_model = scoring_models.scoring_model
    {% for scale, steps in [
        ('fit', 'fit_bands'), ('activity', 'activity_bands'), ('total', 'total_zones')
    ] -%}
        left join point_ranges as {{ steps }}
            on
                contact_points.scoring_model = {{ steps }}.scoring_model
                and {{ steps }}.scale = '{{ scale }}'
                and {{ in_step(
                    'contact_points.' ~ scale ~ '_points',
                    steps ~ '.min_points',
                    steps ~ '.next_min_points'
                ) }}
    {% endfor %}

),

zoned as (

    -- the zone comes from the grade cell (zone_method matrix) or from the total points
    -- (zone_method total); grade is the grades the model has, concatenated
    select
        graded.contact_id,
        graded.account_id,
        graded.scoring_model,
        graded.fit_points,
        graded.activity_points,
        graded.total_points,
        graded.fit_grade,
        graded.activity_grade,
        {{ grade_text('graded.fit_grade', 'graded.activity_grade') }} as grade,
        case
            when graded.zone_method = 'total' then graded.total_zone
            else zone_matrix.zone
        end as zone
    from graded
    left join zone_matrix
        on
            graded.scoring_model = zone_matrix.scoring_model
            and graded.fit_grade = zone_matrix.fit_grade
            and graded.activity_grade = zone_matrix.activity_grade

),

final as (

    select
        *,
        coalesce(zone = 'hot', false) as is_mql
    from zoned

)

select * from final
