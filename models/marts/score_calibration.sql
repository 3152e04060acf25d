{#- How likely each grade converts, in plain probability (SPEC section 8): one row per
    scoring model and grade cell with the calibration window's leads, conversions, raw rate
    and the probability (int_grade_cell_conversion_probabilities), and the model's Brier
    scores repeated on each of its cells: on the window itself and, when conversions after
    the as-of date exist (a backtest), on the leads scored at the as-of date against what
    followed. -#}

with

probabilities as (

    select * from {{ ref('int_grade_cell_conversion_probabilities') }}

),

window_leads as (

    select * from {{ ref('int_calibration_leads_with_outcome') }}

),

scored_leads as (

    select * from {{ ref('int_scored_leads_with_outcome') }}

),

scoring_run as (

    select
        {{ scoring_as_of_date() }} as as_of_date,
        {{ calibration_start_date() }} as calibration_start_date

),

window_errors as (

    -- the squared error of each window lead's probability against its outcome
    select
        window_leads.scoring_model,
        avg(
            power(
                probabilities.conversion_probability
                - case when window_leads.is_positive then 1 else 0 end,
                2
            )
        ) as brier_score
    from window_leads
    inner join probabilities
        on
            window_leads.scoring_model = probabilities.scoring_model
            and window_leads.grade = probabilities.grade
    group by 1

),

backtest_errors as (

    -- the leads scored now (customers left out, as in the evaluation) against the
    -- conversions that followed, when any conversion after the as-of date exists
    select
        scored_leads.scoring_model,
        case
            when max(scored_leads.days_to_conversion) is not null
                then avg(
                    power(
                        probabilities.conversion_probability
                        - case when scored_leads.is_positive then 1 else 0 end,
                        2
                    )
                )
        end as backtest_brier_score
    from scored_leads
    inner join probabilities
        on
            scored_leads.scoring_model = probabilities.scoring_model
            and scored_leads.grade = probabilities.grade
    where not scored_leads.is_existing_customer
    group by 1

),

final as (

    select
        probabilities.scoring_model,
        probabilities.grade,
        scoring_run.calibration_start_date as window_start,
        scoring_run.as_of_date as scored_as_of,
        cast(probabilities.window_leads as {{ dbt.type_int() }}) as window_leads,
        cast(probabilities.window_conversions as {{ dbt.type_int() }}) as window_conversions,
        probabilities.raw_conversion_rate,
        probabilities.conversion_probability,
        cast(probabilities.model_window_leads as {{ dbt.type_int() }}) as model_window_leads,
        probabilities.model_window_conversion_rate,
        cast(window_errors.brier_score as {{ number_type() }}) as brier_score,
        cast(backtest_errors.backtest_brier_score as {{ number_type() }})
            as backtest_brier_score
    from probabilities
    cross join scoring_run
    left join window_errors
        on probabilities.scoring_model = window_errors.scoring_model
    left join backtest_errors
        on probabilities.scoring_model = backtest_errors.scoring_model

)

select * from final
