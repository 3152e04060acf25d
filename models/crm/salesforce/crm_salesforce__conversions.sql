{#- Won Salesforce opportunities as the contract's conversions: one per opportunity and
    contact role (else per contact of its account). -#}
{{ config(enabled=input_crm() == 'salesforce') }}

{{ crm_staged_rows('salesforce', 'conversions') }}
