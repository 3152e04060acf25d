with

accounts as (

    select * from {{ ref('base_lead_scoring__accounts') }}

),

classified as (

    -- each row gets the first reason that keeps it from being used as-is, or none
    select
        account_id,
        country_as_given,
        case
            when account_id is null then 'missing_account_id'
            when version_rank > 1 then 'duplicate_account_id'
            when is_country_unmapped then 'unmapped_country'
        end as quality_reason
    from accounts

),

final as (

    select
        'accounts' as input_table,
        case when quality_reason is null then 'scored' else 'reported' end as outcome,
        coalesce(quality_reason, 'scored') as reason,
        case
            when quality_reason = 'unmapped_country'
                then account_id || ' (country ' || country_as_given || ')'
            else coalesce(account_id, '(no account_id)')
        end as example_key
    from classified

)

select * from final
