{#- HubSpot's activity as the contract's event log: the rows of crm_hubspot__activity_rows
    it stages (e-mail events on their recipient's contact, activity of merged-away contacts
    on the survivor). -#}
{{ config(enabled=input_crm() == 'hubspot') }}

{{ crm_staged_rows('hubspot', 'events') }}
