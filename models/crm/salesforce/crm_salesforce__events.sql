{#- Salesforce's activity as the contract's event log: the rows of
    crm_salesforce__activity_rows it stages (a merged-away record's and a converted lead's
    activity on the person it became). -#}
{{ config(enabled=input_crm() == 'salesforce') }}

{{ crm_staged_rows('salesforce', 'events') }}
