{{ config(enabled=input_crm() == 'hubspot') }}

{{ crm_hubspot_engagement_type('engagement_note') }}
