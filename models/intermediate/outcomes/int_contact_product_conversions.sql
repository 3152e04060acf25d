with

conversions as (

    select * from {{ ref('stg_lead_scoring__conversions') }}

),

scoring_run as (

    -- the as-of date, and the start of the calibration window (conversion_horizon_days
    -- earlier), which the calibration dates its outcomes against
    select
        {{ scoring_as_of_date() }} as as_of_date,
        {{ calibration_start_date() }} as calibration_start_date

),

final as (

    -- a contact that converted on or before a date is already a customer of that product
    -- then; its first conversion after the date is the outcome a score then predicted
    select
        {% for dated in ['as_of', 'calibration_start'] -%}
            max(
                case
                    when conversions.converted_date <= scoring_run.{{ dated }}_date then 1
                    else 0
                end
            ) = 1 as has_converted_by_{{ dated }},
            min(
                case
                    when conversions.converted_date > scoring_run.{{ dated }}_date
                        then conversions.converted_date
                end
            ) as first_converted_date_after_{{ dated }},
        {% endfor -%}
        conversions.contact_id,
        conversions.product
    from conversions
    cross join scoring_run
    where
        conversions.contact_id is not null
        and conversions.converted_date is not null
    group by conversions.contact_id, conversions.product

)

select * from final
