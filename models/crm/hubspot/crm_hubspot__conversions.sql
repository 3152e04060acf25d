{#- Closed-won HubSpot deals as the contract's conversions: one per deal and contact (the
    deal's contacts, merged-away ones on their survivor). -#}
{{ config(enabled=input_crm() == 'hubspot') }}

{{ crm_staged_rows('hubspot', 'conversions') }}
