{#- Marketo's activity as the contract's event log: the rows of crm_marketo__activity_rows
    it stages (a merged-away lead's activity on the survivor). -#}
{{ config(enabled=input_crm() == 'marketo') }}

{{ crm_staged_rows('marketo', 'events') }}
