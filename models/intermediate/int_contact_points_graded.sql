with

contacts as (

    select * from {{ ref('stg_lead_scoring__contacts') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

criterion_points as (

    select * from {{ ref('int_contact_criterion_points') }}

),

grade_bands as (

    select * from {{ ref('stg_grid__grade_bands') }}

),

zone_matrix as (

    select * from {{ ref('stg_grid__zone_matrix') }}

),

points_by_dimension as (

    select
        contact_id,
        scoring_model,
        sum(case when dimension = 'fit' then points else 0 end) as fit_points,
        sum(case when dimension = 'activity' then points else 0 end) as activity_points
    from criterion_points
    group by 1, 2

),

band_ranges as (

    -- a band runs from its minimum (inclusive; blank = no lower bound) up to the next band's
    select
        scoring_model,
        dimension,
        grade,
        min_points,
        lead(min_points) over (
            partition by scoring_model, dimension
            order by min_points nulls first
        ) as next_min_points
    from grade_bands

),

contact_points as (

    -- every contact is scored by every model, with 0 points where no criterion scored
    select
        contacts.contact_id,
        contacts.account_id,
        scoring_models.scoring_model,
        coalesce(points_by_dimension.fit_points, 0) as fit_points,
        coalesce(points_by_dimension.activity_points, 0) as activity_points
    from contacts
    cross join scoring_models
    left join points_by_dimension
        on
            contacts.contact_id = points_by_dimension.contact_id
            and scoring_models.scoring_model = points_by_dimension.scoring_model

),

graded as (

    select
        contact_points.*,
        fit_bands.grade as fit_grade,
        activity_bands.grade as activity_grade
    from contact_points
    left join band_ranges as fit_bands
        on
            contact_points.scoring_model = fit_bands.scoring_model
            and fit_bands.dimension = 'fit'
            and (fit_bands.min_points is null or contact_points.fit_points >= fit_bands.min_points)
            and (
                fit_bands.next_min_points is null
                or contact_points.fit_points < fit_bands.next_min_points
            )
    left join band_ranges as activity_bands
        on
            contact_points.scoring_model = activity_bands.scoring_model
            and activity_bands.dimension = 'activity'
            and (
                activity_bands.min_points is null
                or contact_points.activity_points >= activity_bands.min_points
            )
            and (
                activity_bands.next_min_points is null
                or contact_points.activity_points < activity_bands.next_min_points
            )

),

final as (

    select
        graded.contact_id,
        graded.account_id,
        graded.scoring_model,
        graded.fit_points,
        graded.activity_points,
        graded.fit_grade,
        graded.activity_grade,
        graded.fit_grade || graded.activity_grade as grade,
        zone_matrix.zone,
        coalesce(zone_matrix.zone = 'hot', false) as is_mql
    from graded
    left join zone_matrix
        on
            graded.scoring_model = zone_matrix.scoring_model
            and graded.fit_grade = zone_matrix.fit_grade
            and graded.activity_grade = zone_matrix.activity_grade

)

select * from final
