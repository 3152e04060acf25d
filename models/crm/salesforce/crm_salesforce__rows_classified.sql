{#- Every Salesforce row its CRM layer leaves out, moves or infers, by reason, for
    scoring_data_quality, and every column it relies on that the connector did not write. -#}
{{ config(enabled=input_crm() == 'salesforce') }}

{{ crm_rows_classified('salesforce', [
    {
        'model': 'crm_salesforce__person_resolution',
        'input_table': "'salesforce.' || person_kind",
        'reason': "resolution || '_' || person_kind",
        'example_key': "case when resolved_person_id is not null"
            ~ " then person_id || ' (into ' || resolved_person_id || ')'"
            ~ " else person_id end",
        'where': "resolution != 'kept'",
    },
    {
        'model': 'stg_salesforce__account',
        'input_table': "'salesforce.account'",
        'reason': "'deleted_account'",
        'example_key': 'account_id',
        'where': 'is_deleted',
    },
    {
        'model': 'crm_salesforce__activity_rows',
        'example_key': "case when contact_id is not null and contact_id != crm_contact_key"
            ~ " then crm_contact_key || ' (to ' || contact_id || ')'"
            ~ " else coalesce(crm_contact_key, '(no person)') end",
    },
    {
        'model': 'crm_salesforce__conversion_rows',
        'example_key': "'opportunity ' || opportunity_id"
            ~ " || coalesce(' contact ' || crm_contact_key, '')",
    },
]) }}
