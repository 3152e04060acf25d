with

accounts as (

    select * from {{ ref('base_lead_scoring__accounts') }}

),

final as (

    select
        'accounts' as input_table,
        case
            when account_id is null or version_rank > 1 then 'reported'
            else 'scored'
        end as outcome,
        case
            when account_id is null then 'missing_account_id'
            when version_rank > 1 then 'duplicate_account_id'
            else 'scored'
        end as reason,
        coalesce(account_id, '(no account_id)') as example_key
    from accounts

)

select * from final
