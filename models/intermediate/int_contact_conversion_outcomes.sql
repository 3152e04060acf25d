with

conversions as (

    select * from {{ ref('stg_lead_scoring__conversions') }}

),

scoring_run as (

    select {{ scoring_as_of_date() }} as as_of_date

),

conversions_by_contact as (

    -- a contact that converted on or before the as-of date is already a customer; otherwise
    -- its first conversion after the as-of date is the outcome its score predicted
    select
        conversions.contact_id,
        sum(
            case when conversions.converted_date <= scoring_run.as_of_date then 1 else 0 end
        ) as conversions_up_to_as_of,
        min(
            case
                when conversions.converted_date > scoring_run.as_of_date
                    then conversions.converted_date
            end
        ) as first_converted_date_after_as_of
    from conversions
    cross join scoring_run
    where conversions.converted_date is not null
    group by conversions.contact_id

),

final as (

    select
        conversions_by_contact.contact_id,
        conversions_by_contact.conversions_up_to_as_of > 0 as is_existing_customer,
        conversions_by_contact.first_converted_date_after_as_of,
        {{ dbt.datediff(
            'scoring_run.as_of_date',
            'conversions_by_contact.first_converted_date_after_as_of',
            'day'
        ) }} as days_to_conversion
    from conversions_by_contact
    cross join scoring_run

)

select * from final
