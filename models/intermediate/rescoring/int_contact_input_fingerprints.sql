{#- A digest of each contact's own inputs as scoring reads them as of the as-of date: its
    contact row, its account's row, its attribute rows and whether it was a customer as of
    the as-of date and as of the calibration window's start. A daily run writes the rows
    whose digest changed since the last run (new and edited contacts; a contact gone from
    the inputs gets a null digest) with that run's changed_at, and keeps the others:
    int_contacts_to_rescore rescores the contacts changed since its last run. -#}
{{ config(
    materialized=('incremental' if lead_scoring.can_delete_rows() else 'table'),
    incremental_strategy='delete+insert',
    unique_key='contact_id',
    on_schema_change='sync_all_columns',
) }}

{%- set contacts_relation = ref('int_contacts_cleaned') %}
{%- set accounts_relation = ref('int_accounts_cleaned') %}

with

contacts as (

    select * from {{ contacts_relation }}

),

accounts as (

    select * from {{ accounts_relation }}

),

contact_attributes as (

    select * from {{ ref('int_contact_attributes_cleaned') }}

),

conversion_outcomes as (

    select * from {{ ref('int_contact_conversion_scopes') }}

),

attribute_lists as (

    select
        contact_id,
        {{ lead_scoring.ordered_string_agg(
            dbt.concat(["attribute", "'='", "coalesce(value, '#null#')"]),
            '|',
            ['attribute', 'value'],
        ) }} as attribute_list
    from contact_attributes
    group by contact_id

),

customer_dates as (

    select
        contact_id,
        is_existing_customer,
        is_customer_at_calibration_start
    from conversion_outcomes
    where conversion_product is null

),

current_fingerprints as (

    select
        contacts.contact_id,
        {{ lead_scoring.row_digest(
            lead_scoring.fingerprint_parts('contacts', contacts_relation)
            + lead_scoring.fingerprint_parts('accounts', accounts_relation)
            + [
                'accounts.account_id',
                'attribute_lists.attribute_list',
                'customer_dates.is_existing_customer',
                'customer_dates.is_customer_at_calibration_start',
            ]
        ) }} as input_fingerprint
    from contacts
    left join accounts
        on contacts.account_id = accounts.account_id
    left join attribute_lists
        on contacts.contact_id = attribute_lists.contact_id
    left join customer_dates
        on contacts.contact_id = customer_dates.contact_id

),

{% if is_incremental() %}

    changed_fingerprints as (

        -- new or edited contacts, and contacts gone since (a null digest, once)
        select
            current_fingerprints.contact_id,
            current_fingerprints.input_fingerprint
        from current_fingerprints
        left join {{ this }} as stored
            on current_fingerprints.contact_id = stored.contact_id
        where stored.input_fingerprint is distinct from current_fingerprints.input_fingerprint

        union all

        select
            stored.contact_id,
            cast(null as {{ dbt.type_string() }}) as input_fingerprint
        from {{ this }} as stored
        where
            stored.input_fingerprint is not null
            and not exists (
                select null
                from current_fingerprints
                where current_fingerprints.contact_id = stored.contact_id
            )

    ),

{% else %}

    changed_fingerprints as (

        select * from current_fingerprints

    ),

{% endif %}

final as (

    select
        contact_id,
        input_fingerprint,
        {{ lead_scoring.run_timestamp() }} as changed_at
    from changed_fingerprints

)

select * from final
