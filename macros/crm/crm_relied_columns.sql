{% macro crm_relied_columns(crm) -%}
    {#- The loader columns each CRM's staging relies on, as (table, columns, what is lost
        without them): `columns` lists the spellings of the connector's versions, any one of
        them enough (`a|b`); empty for the table itself. Staging reads an absent one as null
        (crm_column), as Fivetran's packages fill missing columns; the build warns and
        scoring_data_quality reports it (`missing_column`), so that a connector version or
        an account without it is never a silent loss. -#}
    {%- set relied = {
        'hubspot': [
            ('contact', '_fivetran_deleted', 'deleted contacts are scored'),
            ('contact', 'property_hs_merged_object_ids|property_hs_calculated_merged_vids',
                'merged contacts are not resolved'),
            ('contact', 'property_email', 'e-mail events and unsubscribes find no contact'),
            ('contact', 'property_lastmodifieddate', 'contacts have no updated_at'),
            ('contact', 'property_hs_analytics_source', 'lead_source is null'),
            ('company', 'is_deleted|_fivetran_deleted', 'deleted companies are used'),
            ('deal', 'is_deleted|_fivetran_deleted', 'deleted deals become conversions'),
            ('deal', 'property_closedate', 'conversions have no date'),
            ('deal_pipeline_stage', 'is_closed|closed_won',
                'won stages are not recognised (no conversions)'),
            ('deal_pipeline_stage', 'probability', 'won stages are not recognised (no conversions)'),
            ('contact_form_submission', 'conversion_id',
                'a submission under a survivor and a merged-away contact counts twice'),
            ('contact_form_submission', 'page_url', 'form subjects have no landing page'),
            ('email_subscription_change', '', 'unsubscribes made outside an e-mail are not counted'),
        ],
        'salesforce': [
            ('contact', 'is_deleted|_fivetran_deleted', 'deleted contacts are scored'),
            ('contact', 'master_record_id', 'merged contacts are not resolved'),
            ('lead', 'is_deleted|_fivetran_deleted', 'deleted leads are scored'),
            ('lead', 'master_record_id', 'merged leads are not resolved'),
            ('lead', 'is_converted', 'converted leads are scored beside their contact'),
            ('lead', 'converted_contact_id', 'converted leads are scored beside their contact'),
            ('opportunity', 'is_deleted|_fivetran_deleted', 'deleted opportunities become conversions'),
            ('opportunity', 'is_won', 'won opportunities are not recognised (no conversions)'),
        ],
        'marketo': [
            ('lead', 'title', 'job titles are null (title rules match nothing)'),
            ('lead', 'lead_source', 'lead_source is null'),
            ('lead', 'website', 'accounts have no domain'),
        ],
    } -%}
    {{ return(relied.get(crm, [])) }}
{%- endmacro %}
