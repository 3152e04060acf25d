with

accounts as (

    select * from {{ ref('base_lead_scoring__accounts') }}

),

final as (

    select
        'accounts' as input_table,
        case
            when account_id is null or version_rank > 1 or is_country_unmapped then 'reported'
            else 'scored'
        end as outcome,
        case
            when account_id is null then 'missing_account_id'
            when version_rank > 1 then 'duplicate_account_id'
            when is_country_unmapped then 'unmapped_country'
            else 'scored'
        end as reason,
        case
            when account_id is not null and version_rank = 1 and is_country_unmapped
                then account_id || ' (country ' || country_as_given || ')'
            else coalesce(account_id, '(no account_id)')
        end as example_key
    from accounts

)

select * from final
