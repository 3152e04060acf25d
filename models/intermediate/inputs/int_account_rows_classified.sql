with

accounts as (

    select * from {{ ref('stg_lead_scoring__accounts') }}

),

kept_rows as (

    select * from {{ ref('int_accounts_cleaned') }}

),

classified as (

    -- each row gets the first reason that keeps it from being used as-is, or none
    select
        accounts.account_id,
        accounts.country as country_as_given,
        coalesce(
            {{ input_row_not_kept_reason('accounts', 'accounts') }},
            case when kept_rows.is_country_unmapped then 'unmapped_country' end
        ) as quality_reason
    from accounts
    left join kept_rows
        on accounts.account_id = kept_rows.account_id

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
