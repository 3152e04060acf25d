{#- Every lead and contact id Salesforce's tables can name, with the person its rows score
    for: itself, the record it was merged into (a deleted record with a master), the
    contact a converted lead became, or none (deleted). The one place that resolves merges,
    conversions and deletions: people, activity and opportunities all read it. -#}
{{ config(enabled=input_crm() == 'salesforce', materialized='table') }}

with

contacts as (

    select * from {{ ref('stg_salesforce__contact') }}

),

leads as (

    select * from {{ ref('stg_salesforce__lead') }}

),

people as (

    select
        contact_id as person_id,
        'contact' as person_kind,
        is_deleted,
        master_record_id,
        cast(null as {{ dbt.type_string() }}) as converted_contact_id
    from contacts
    union all
    select
        lead_id as person_id,
        'lead' as person_kind,
        is_deleted,
        master_record_id,
        case when is_converted then converted_contact_id end as converted_contact_id
    from leads

),

first_steps as (

    select
        person_id,
        person_kind,
        case
            when is_deleted and master_record_id is not null then 'merged'
            when is_deleted then 'deleted'
            when converted_contact_id is not null then 'converted'
            else 'kept'
        end as resolution,
        case
            when is_deleted then master_record_id
            else converted_contact_id
        end as next_person_id
    from people

),

resolved as (

    -- one step: a record merged into, or converted to, a record that is itself gone
    -- counts as deleted
    select
        first_steps.person_id,
        first_steps.person_kind,
        case
            when first_steps.resolution in ('kept', 'deleted') then first_steps.resolution
            when targets.resolution = 'kept' then first_steps.resolution
            else 'deleted'
        end as resolution,
        case
            when first_steps.resolution = 'kept' then first_steps.person_id
            when first_steps.resolution != 'deleted' and targets.resolution = 'kept'
                then targets.person_id
        end as resolved_person_id
    from first_steps
    left join first_steps as targets
        on first_steps.next_person_id = targets.person_id

),

final as (

    select
        person_id,
        person_kind,
        resolution,
        resolved_person_id,
        -- what a loader row naming the id gets: left out with its person, or moved
        case resolution
            when 'deleted' then 'deleted_person'
            when 'merged' then 'merged_person_moved'
            when 'converted' then 'converted_lead_moved'
        end as keyed_row_reason
    from resolved

)

select * from final
