{#- Every way a grid can be wrong, one row per problem found. The test on this model fails
    the build listing them, and the marts wait for it: an invalid grid never replaces a
    published score. The count thresholds 1 < 2 < 5 < 10 are the seed's columns, so they
    cannot be out of order. -#}
{%- set max_list_items = 100 -%}
{%- set grades_by_dimension = [
    ('fit', ['A', 'B', 'C', 'D']),
    ('activity', ['4', '3', '2', '1']),
] -%}

with

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

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

known_attributes as (

    {% for attribute in fit_attributes() -%}
        select '{{ attribute.table }}.{{ attribute.column }}' as attribute
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

expected_grades as (

    -- every model needs each grade once, listed best first
    {% for dimension, grades in grades_by_dimension -%}
        {% for grade in grades -%}
            select
                '{{ dimension }}' as dimension,
                '{{ grade }}' as grade,
                {{ loop.index }} as grade_rank
            {% if not loop.last %}union all{% endif %}
        {% endfor %}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

expected_cells as (

    select
        fit_grades.grade as fit_grade,
        activity_grades.grade as activity_grade
    from expected_grades as fit_grades
    cross join expected_grades as activity_grades
    where
        fit_grades.dimension = 'fit'
        and activity_grades.dimension = 'activity'

),

-- activity criteria -------------------------------------------------------------------

activity_tiers as (

    -- the points in force at each tier once blanks carry the previous tier forward
    select
        scoring_model,
        criterion,
        label,
        max_points,
        lookback_days,
        coalesce(points_1_plus, 0) as tier_1,
        coalesce(points_2_plus, points_1_plus, 0) as tier_2,
        coalesce(points_5_plus, points_2_plus, points_1_plus, 0) as tier_5,
        coalesce(points_10_plus, points_5_plus, points_2_plus, points_1_plus, 0) as tier_10
    from activity_criteria

),

activity_tier_ranges as (

    select
        *,
        least(tier_1, tier_2, tier_5, tier_10) as lowest_tier,
        greatest(tier_1, tier_2, tier_5, tier_10) as highest_tier
    from activity_tiers

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
    where
        lowest_tier >= 0
        and (tier_2 < tier_1 or tier_5 < tier_2 or tier_10 < tier_5)

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
        'label is blank' as issue
    from activity_tier_ranges
    where label is null or label = ''

    union all

    select
        scoring_model,
        criterion,
        'criterion is listed more than once' as issue
    from activity_criteria
    group by scoring_model, criterion
    having count(*) > 1

    union all

    select
        activity_criteria.scoring_model,
        activity_criteria.criterion,
        'criterion has no match rule in grid_activity_match_rules' as issue
    from activity_criteria
    left join match_rules
        on
            activity_criteria.scoring_model = match_rules.scoring_model
            and activity_criteria.criterion = match_rules.criterion
    where match_rules.criterion is null

),

match_rule_issues as (

    select distinct
        match_rules.scoring_model,
        match_rules.criterion,
        'match rule points at no criterion of grid_activity_criteria' as issue
    from match_rules
    left join activity_criteria
        on
            match_rules.scoring_model = activity_criteria.scoring_model
            and match_rules.criterion = activity_criteria.criterion
    where activity_criteria.criterion is null

    union all

    select distinct
        scoring_model,
        criterion,
        'match rule has a blank event_type' as issue
    from match_rules
    where event_type is null

),

-- fit rules ---------------------------------------------------------------------------

fit_rules_parsed as (

    select
        *,
        length(value) - length(replace(value, '|', '')) + 1 as item_count,
        {{ text_to_number(dbt.split_part('value', "'|'", 1)) }}
            as min_number,
        {{ text_to_number(dbt.split_part('value', "'|'", 2)) }}
            as max_number
    from fit_rules

),

fit_issues as (

    select distinct
        scoring_model,
        criterion,
        'unknown operator "' || coalesce(operator, '') || '" (expected one of equals, in, '
        || 'between, contains_any, is_present, email_domain_in)' as issue
    from fit_rules
    where
        operator is null
        or operator not in (
            'equals', 'in', 'between', 'contains_any', 'is_present', 'email_domain_in'
        )

    union all

    select distinct
        fit_rules.scoring_model,
        fit_rules.criterion,
        'attribute "' || coalesce(fit_rules.attribute, '') || '" is not in the input contract'
            as issue
    from fit_rules
    left join known_attributes
        on fit_rules.attribute = known_attributes.attribute
    where known_attributes.attribute is null

    union all

    select distinct
        scoring_model,
        criterion,
        'between value "' || coalesce(value, '') || '" is not two numbers min|max' as issue
    from fit_rules_parsed
    where
        operator = 'between'
        and (
            value is null
            or item_count != 2
            or min_number is null
            or max_number is null
            or min_number > max_number
        )

    union all

    select distinct
        scoring_model,
        criterion,
        operator || ' needs a value' as issue
    from fit_rules
    where
        operator in ('equals', 'in', 'contains_any', 'email_domain_in')
        and value is null

    union all

    select distinct
        scoring_model,
        criterion,
        operator || ' lists more than {{ max_list_items }} values' as issue
    from fit_rules_parsed
    where
        operator in ('in', 'contains_any', 'email_domain_in')
        and item_count > {{ max_list_items }}

    union all

    select distinct
        scoring_model,
        criterion,
        'points or label is blank' as issue
    from fit_rules
    where points is null or label is null or label = ''

    union all

    select
        scoring_model,
        criterion,
        'the same rule is listed more than once' as issue
    from fit_rules
    group by scoring_model, criterion, attribute, operator, value
    having count(*) > 1

    union all

    select distinct
        fit_rules.scoring_model,
        fit_rules.criterion,
        'criterion name is used by both an activity and a fit criterion' as issue
    from fit_rules
    inner join activity_criteria
        on
            fit_rules.scoring_model = activity_criteria.scoring_model
            and fit_rules.criterion = activity_criteria.criterion

),

-- grade bands and zones ---------------------------------------------------------------

band_issues as (

    select distinct
        grade_bands.scoring_model,
        coalesce(grade_bands.dimension, '') || ' ' || coalesce(grade_bands.grade, '') as criterion,
        'unknown dimension or grade (fit grades are A-D, activity grades 4-1)' as issue
    from grade_bands
    left join expected_grades
        on
            grade_bands.dimension = expected_grades.dimension
            and grade_bands.grade = expected_grades.grade
    where expected_grades.grade is null

    union all

    select
        scoring_model,
        dimension || ' ' || grade as criterion,
        'grade band is listed more than once' as issue
    from grade_bands
    group by scoring_model, dimension, grade
    having count(*) > 1

    union all

    select
        scoring_models.scoring_model,
        expected_grades.dimension || ' ' || expected_grades.grade as criterion,
        'grade band is missing' as issue
    from scoring_models
    cross join expected_grades
    left join grade_bands
        on
            scoring_models.scoring_model = grade_bands.scoring_model
            and expected_grades.dimension = grade_bands.dimension
            and expected_grades.grade = grade_bands.grade
    where grade_bands.grade is null

),

ranked_bands as (

    select
        grade_bands.scoring_model,
        grade_bands.dimension,
        grade_bands.grade,
        grade_bands.min_points,
        expected_grades.grade_rank,
        lead(grade_bands.min_points) over (
            partition by grade_bands.scoring_model, grade_bands.dimension
            order by expected_grades.grade_rank
        ) as next_lower_min_points,
        max(expected_grades.grade_rank) over (
            partition by grade_bands.scoring_model, grade_bands.dimension
        ) as lowest_rank
    from grade_bands
    inner join expected_grades
        on
            grade_bands.dimension = expected_grades.dimension
            and grade_bands.grade = expected_grades.grade

),

band_order_issues as (

    select
        scoring_model,
        dimension || ' ' || grade as criterion,
        'bands are not strictly ordered: each grade needs a higher min_points than the next'
            as issue
    from ranked_bands
    where
        grade_rank < lowest_rank
        and (
            min_points is null
            or (next_lower_min_points is not null and min_points <= next_lower_min_points)
        )

    union all

    select
        scoring_model,
        dimension || ' ' || grade as criterion,
        'the lowest band must have a blank min_points so that it catches every lower score'
            as issue
    from ranked_bands
    where grade_rank = lowest_rank and lowest_rank = 4 and min_points is not null

),

zone_issues as (

    select
        scoring_model,
        coalesce(grade, '') as criterion,
        'zone "' || coalesce(zone, '') || '" is not hot, warm or cold' as issue
    from zone_matrix
    where zone is null or zone not in ('hot', 'warm', 'cold')

    union all

    select
        scoring_model,
        coalesce(fit_grade, '') as criterion,
        'zone matrix row has an unknown fit_grade (expected A-D)' as issue
    from zone_matrix
    where activity_grade = '1' and (fit_grade is null or fit_grade not in ('A', 'B', 'C', 'D'))

    union all

    select
        scoring_model,
        grade as criterion,
        'zone matrix cell is listed more than once' as issue
    from zone_matrix
    group by scoring_model, grade
    having count(*) > 1

    union all

    select
        scoring_models.scoring_model,
        expected_cells.fit_grade || expected_cells.activity_grade as criterion,
        'zone matrix cell is missing' as issue
    from scoring_models
    cross join expected_cells
    left join zone_matrix
        on
            scoring_models.scoring_model = zone_matrix.scoring_model
            and expected_cells.fit_grade = zone_matrix.fit_grade
            and expected_cells.activity_grade = zone_matrix.activity_grade
    where zone_matrix.grade is null

),

all_issues as (

    {% for grid_file, issues in [
        ('grid_activity_criteria', 'activity_issues'),
        ('grid_activity_match_rules', 'match_rule_issues'),
        ('grid_fit_rules', 'fit_issues'),
        ('grid_grade_bands', 'band_issues'),
        ('grid_grade_bands', 'band_order_issues'),
        ('grid_zone_matrix', 'zone_issues'),
    ] -%}
        select
            '{{ grid_file }}' as grid_file,
            scoring_model,
            criterion,
            issue
        from {{ issues }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        grid_file,
        coalesce(scoring_model, '') as scoring_model,
        coalesce(criterion, '') as criterion,
        issue
    from all_issues

)

select * from final
