{% macro rescored_model_config(scores_earlier_dates=false) -%}
    {#- The config of a per-contact model that a daily run updates for the contacts
        int_contacts_to_rescore lists and leaves alone for the others: incremental where the
        engine can delete rows (a table elsewhere: rebuilt every run), the rescored
        contacts' rows deleted by a pre-hook (forget_rescored_contacts), then the new rows
        appended. A model's SQL reads its per-contact inputs through rescored_contacts_only.
        `scores_earlier_dates`: the model's rows depend on the activity at the earlier dates
        scored at (scoring_offsets), so it also computes again the contacts whose events
        moved in or out of a window at those dates only (window_moved_earlier); kept in the
        model's meta, where rescored_contacts_only reads it for the model and its hook. -#}
    {{ return({
        'materialized': 'incremental' if lead_scoring.can_delete_rows() else 'table',
        'incremental_strategy': 'append',
        'on_schema_change': 'sync_all_columns',
        'pre_hook': "{{ lead_scoring.forget_rescored_contacts() }}",
        'meta': {'scores_earlier_dates': scores_earlier_dates},
    }) }}
{%- endmacro %}
