{#- Leads whose status became Customer as the contract's conversions. -#}
{{ config(enabled=input_crm() == 'marketo') }}

{{ crm_staged_rows('marketo', 'conversions') }}
