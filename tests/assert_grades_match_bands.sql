-- Each lead's fit and activity grades are those of the grid's bands for its points: its
-- band's minimum is at most its points, and no higher band's minimum is; a dimension
-- without bands has no grade.
with

lead_scores as (

    select * from {{ ref('lead_scores') }}

),

grade_bands as (

    select * from {{ ref('stg_grid__grade_bands') }}

),

lead_points as (

    select
        contact_id,
        scoring_model,
        'fit' as dimension,
        fit_points as points,
        fit_grade as grade
    from lead_scores
    union all
    select
        contact_id,
        scoring_model,
        'activity' as dimension,
        activity_points as points,
        activity_grade as grade
    from lead_scores

),

expected as (

    -- the band reached is the one with the highest minimum not above the points
    select
        lead_points.contact_id,
        lead_points.scoring_model,
        lead_points.dimension,
        max(coalesce(grade_bands.min_points, -2147483647)) as reached_min_points
    from lead_points
    inner join grade_bands
        on
            lead_points.scoring_model = grade_bands.scoring_model
            and lead_points.dimension = grade_bands.dimension
            and (grade_bands.min_points is null or lead_points.points >= grade_bands.min_points)
    group by 1, 2, 3

),

expected_grade as (

    select
        expected.contact_id,
        expected.scoring_model,
        expected.dimension,
        grade_bands.grade
    from expected
    inner join grade_bands
        on
            expected.scoring_model = grade_bands.scoring_model
            and expected.dimension = grade_bands.dimension
            and expected.reached_min_points
            = coalesce(grade_bands.min_points, -2147483647)

)

select
    lead_points.contact_id,
    lead_points.scoring_model,
    lead_points.dimension,
    lead_points.points,
    lead_points.grade,
    expected_grade.grade as expected_grade
from lead_points
left join expected_grade
    on
        lead_points.contact_id = expected_grade.contact_id
        and lead_points.scoring_model = expected_grade.scoring_model
        and lead_points.dimension = expected_grade.dimension
-- a model with no bands for a dimension has no grade there
where coalesce(lead_points.grade, '(none)') != coalesce(expected_grade.grade, '(none)')
