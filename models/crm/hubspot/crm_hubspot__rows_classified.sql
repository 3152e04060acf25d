{#- Every HubSpot row its CRM layer leaves out or rewrites, by reason, for
    scoring_data_quality, and every column it relies on that the connector did not write. -#}
{{ config(enabled=input_crm() == 'hubspot') }}

{{ crm_rows_classified('hubspot', [
    {
        'model': 'crm_hubspot__contact_resolution',
        'input_table': "'hubspot.contact'",
        'reason': "resolution || '_contact'",
        'example_key': "case when resolution = 'merged'"
            ~ " then contact_id || ' (into ' || resolved_contact_id || ')'"
            ~ " else contact_id end",
        'where': "has_contact_row and resolution != 'kept'",
    },
    {
        'model': 'stg_hubspot__company',
        'input_table': "'hubspot.company'",
        'reason': "'deleted_company'",
        'example_key': 'company_id',
        'where': 'is_deleted',
    },
    {
        'model': 'crm_hubspot__activity_rows',
        'example_key': "case when crm_reason = 'merged_contact_moved'"
            ~ " then crm_contact_key || ' (to ' || contact_id || ')'"
            ~ " else coalesce(crm_contact_key, '(no contact)') end",
    },
    {
        'model': 'crm_hubspot__conversion_rows',
        'example_key': "'deal ' || deal_id || coalesce(' contact ' || crm_contact_key, '')",
    },
]) }}
