{#- Every Marketo row its CRM layer leaves out or moves, by reason, for scoring_data_quality,
    and every column it relies on that the connector did not write. -#}
{{ config(enabled=input_crm() == 'marketo') }}

{{ crm_rows_classified('marketo', [
    {
        'model': 'crm_marketo__lead_resolution',
        'input_table': "'marketo.lead'",
        'reason': "resolution || '_lead'",
        'example_key': "case when resolution = 'merged'"
            ~ " then lead_id || ' (into ' || resolved_lead_id || ')'"
            ~ " else lead_id end",
        'where': "has_lead_row and resolution != 'kept'",
    },
    {
        'model': 'crm_marketo__activity_rows',
        'example_key': "case when crm_reason = 'merged_lead_moved'"
            ~ " then crm_contact_key || ' (to ' || contact_id || ')'"
            ~ " else coalesce(crm_contact_key, '(no lead)') end",
    },
    {
        'model': 'crm_marketo__conversion_rows',
        'example_key': "coalesce(crm_contact_key, '(no lead)')",
    },
]) }}
