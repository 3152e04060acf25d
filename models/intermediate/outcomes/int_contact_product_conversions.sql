with

conversions as (

    select * from {{ ref('stg_lead_scoring__conversions') }}

),

scoring_run as (

    select {{ scoring_as_of_date() }} as as_of_date

),

final as (

    -- a contact that converted on or before the as-of date is already a customer of that
    -- product; its first conversion after the as-of date is the outcome a score predicted
    select
        conversions.contact_id,
        conversions.product,
        max(
            case when conversions.converted_date <= scoring_run.as_of_date then 1 else 0 end
        ) = 1 as has_converted_by_as_of,
        min(
            case
                when conversions.converted_date > scoring_run.as_of_date
                    then conversions.converted_date
            end
        ) as first_converted_date_after_as_of
    from conversions
    cross join scoring_run
    where
        conversions.contact_id is not null
        and conversions.converted_date is not null
    group by conversions.contact_id, conversions.product

)

select * from final
