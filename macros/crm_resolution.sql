{% macro crm_staged_reasons() -%}
    {#- The reasons a CRM's staging gives a loader row it still stages: moved to the record a
        merged-away or converted record became, to the owner of a shared address, or
        inferred (a won opportunity's account contacts). Every other reason leaves the row
        out. The one list every CRM's *_rows model stages by. -#}
    {{ return([
        'merged_contact_moved',
        'merged_person_moved',
        'merged_lead_moved',
        'converted_lead_moved',
        'recipient_shared_by_contacts',
        'account_contact',
    ]) }}
{%- endmacro %}

{% macro crm_is_staged(reason_column) -%}
    {#- Whether a loader row with this reason (null: none) is staged: no reason, or one of
        crm_staged_reasons(). -#}
    coalesce(
        {{ reason_column }} in ('{{ crm_staged_reasons() | join("', '") }}'),
        true
    )
{%- endmacro %}

{% macro crm_resolved_key(key, resolution, id_column, resolved_column) -%}
    {#- The record a loader row counts for, from its record key and the CRM's resolution
        model (joined as `resolution`): the resolved record, or for a key no record and no
        merge names, the key as is (the contract's staging reports it as unknown). -#}
    case
        when {{ resolution }}.{{ id_column }} is null then {{ key }}
        else {{ resolution }}.{{ resolved_column }}
    end
{%- endmacro %}

{% macro crm_merge_resolution(record_id, survivor_id, is_deleted, is_survivor_deleted) -%}
    {#- `resolution` and `resolved_id` of a CRM record: merged into a live survivor, it is
        `merged` and counts for the survivor; deleted (itself, or its survivor), `deleted`
        and counts for nobody; else `kept`, itself. -#}
    case
        when {{ survivor_id }} is not null and not {{ is_survivor_deleted }} then 'merged'
        when {{ survivor_id }} is not null or {{ is_deleted }} then 'deleted'
        else 'kept'
    end as resolution,
    case
        when {{ survivor_id }} is not null and not {{ is_survivor_deleted }}
            then {{ survivor_id }}
        when {{ survivor_id }} is null and not {{ is_deleted }} then {{ record_id }}
    end as resolved_id
{%- endmacro %}
