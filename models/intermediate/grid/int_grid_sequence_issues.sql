{#- Problems of grid_activity_sequences: a first or then criterion that is no activity
    criterion of the sequence's model, a blank or negative within_days, blank points or
    label, a sequence listed twice or sharing its key with an activity or fit criterion of
    its model. -#}
{%- set unknown_step_issue -%}
    sequence_steps.step || ' "' || coalesce(sequence_steps.criterion, '')
    || '" is not an activity criterion of the model in grid_activity_criteria'
{%- endset %}

with

activity_sequences as (

    select * from {{ ref('stg_grid__activity_sequences') }}

),

activity_criteria as (

    select * from {{ ref('stg_grid__activity_criteria') }}

),

fit_rules as (

    select * from {{ ref('stg_grid__fit_rules') }}

),

sequence_steps as (

    -- each sequence's two criteria, one row each, to look up among the activity criteria
    select
        scoring_model,
        criterion as sequence_criterion,
        'first_criterion' as step,
        first_criterion as criterion
    from activity_sequences
    union all
    select
        scoring_model,
        criterion as sequence_criterion,
        'then_criterion' as step,
        then_criterion as criterion
    from activity_sequences

),

criterion_keys as (

    select distinct
        scoring_model,
        criterion
    from activity_criteria
    union
    select distinct
        scoring_model,
        criterion
    from fit_rules

),

sequence_issues as (

    {{ grid_rows_without_match(
        'sequence_steps',
        'activity_criteria',
        ['scoring_model', 'criterion'],
        unknown_step_issue,
        criterion='sequence_steps.sequence_criterion',
    ) }}

    union all

    select
        scoring_model,
        criterion,
        'within_days must be 0 (the same day) or more days, not blank' as issue
    from activity_sequences
    where within_days is null or within_days < 0

    union all

    select
        scoring_model,
        criterion,
        'points is blank' as issue
    from activity_sequences
    where points is null

    union all

    select
        scoring_model,
        criterion,
        'label is blank' as issue
    from activity_sequences
    where label is null or label = ''

    union all

    {{ grid_rows_listed_twice(
        'activity_sequences',
        ['scoring_model', 'criterion'],
        "'sequence is listed more than once'",
    ) }}

    union all

    select
        activity_sequences.scoring_model,
        activity_sequences.criterion,
        'sequence key is also a criterion of grid_activity_criteria or grid_fit_rules' as issue
    from activity_sequences
    inner join criterion_keys
        on
            activity_sequences.scoring_model = criterion_keys.scoring_model
            and activity_sequences.criterion = criterion_keys.criterion

),

final as (

    select
        'grid_activity_sequences' as grid_file,
        scoring_model,
        criterion,
        issue
    from sequence_issues

)

select * from final
