{% macro rescored_model_config() -%}
    {#- The config of a per-contact model that a daily run updates for the contacts
        int_contacts_to_rescore lists and leaves alone for the others: incremental where the
        engine can delete rows (a table elsewhere: rebuilt every run), the rescored contacts'
        rows deleted by a pre-hook (forget_rescored_contacts), then the new rows appended. A
        model's SQL reads its per-contact inputs through rescored_contacts_only. -#}
    {{ return({
        'materialized': 'incremental' if lead_scoring.can_delete_rows() else 'table',
        'incremental_strategy': 'append',
        'on_schema_change': 'sync_all_columns',
        'pre_hook': "{{ lead_scoring.forget_rescored_contacts() }}",
    }) }}
{%- endmacro %}
