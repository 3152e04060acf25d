{#- Problems only fit rules can have: blank points or label, a criterion name also used by
    an activity criterion. Operators, attributes and values are checked with the audience
    rows in int_grid_rule_issues. -#}
with

fit_rules as (

    select * from {{ ref('stg_grid__fit_rules') }}

),

activity_criteria as (

    select * from {{ ref('stg_grid__activity_criteria') }}

),

final as (

    select distinct
        'grid_fit_rules' as grid_file,
        scoring_model,
        criterion,
        'points or label is blank' as issue
    from fit_rules
    where points is null or label is null or label = ''

    union all

    select distinct
        'grid_fit_rules' as grid_file,
        fit_rules.scoring_model,
        fit_rules.criterion,
        'criterion name is used by both an activity and a fit criterion' as issue
    from fit_rules
    inner join activity_criteria
        on
            fit_rules.scoring_model = activity_criteria.scoring_model
            and fit_rules.criterion = activity_criteria.criterion

)

select * from final
