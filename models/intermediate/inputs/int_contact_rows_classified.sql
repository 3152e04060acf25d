with

contacts as (

    select * from {{ ref('stg_lead_scoring__contacts') }}

),

kept_versions as (

    select * from {{ ref('int_contacts_cleaned') }}

),

accounts as (

    select * from {{ ref('int_accounts_cleaned') }}

),

classified as (

    -- each row gets the first reason that keeps it from being scored as-is, or none
    select
        contacts.contact_id,
        contacts.account_id,
        contacts.updated_at,
        contacts.country as country_as_given,
        kept_versions.updated_at as kept_updated_at,
        coalesce(
            {{ input_row_not_kept_reason('contacts', 'contacts') }},
            case
                when
                    contacts.account_id is not null
                    and accounts.account_id is null
                    then 'unknown_account'
                when kept_versions.is_country_unmapped then 'unmapped_country'
            end
        ) as quality_reason
    from contacts
    left join kept_versions
        on contacts.contact_id = kept_versions.contact_id
    left join accounts
        on contacts.account_id = accounts.account_id

),

final as (

    select
        'contacts' as input_table,
        case when quality_reason is null then 'scored' else 'reported' end as outcome,
        coalesce(quality_reason, 'scored') as reason,
        case
            when quality_reason = 'duplicate_contact_superseded'
                then
                    contact_id
                    || ' (kept the version updated '
                    || coalesce(cast(kept_updated_at as {{ dbt.type_string() }}), 'never')
                    || ' over '
                    || coalesce(cast(updated_at as {{ dbt.type_string() }}), 'never')
                    || ')'
            when quality_reason = 'unknown_account'
                then contact_id || ' (account ' || account_id || ')'
            when quality_reason = 'unmapped_country'
                then contact_id || ' (country ' || country_as_given || ')'
            else coalesce(contact_id, '(no contact_id)')
        end as example_key
    from classified

)

select * from final
