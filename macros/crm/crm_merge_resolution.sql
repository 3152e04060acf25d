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
