{% macro crm_quality_reasons(crm) -%}
    {#- The reasons a CRM's staging leaves out or rewrites a loader row, as scoring_data_quality
        lists them: (input table, reason, description); each CRM's
        int_<crm>_rows_classified counts its rows under these. -#}
    {%- set reasons = {
        'hubspot': [
            ('hubspot.contact', 'merged_contact',
                'contact merged into another: its activity and deals count for the survivor'),
            ('hubspot.contact', 'deleted_contact', 'deleted contact: not scored'),
            ('hubspot.company', 'deleted_company', 'deleted company: not used'),
            ('hubspot.email_event', 'unknown_recipient',
                'e-mail event to an address no contact has: not scored'),
            ('hubspot.email_event', 'deleted_contact',
                'e-mail event of a deleted contact: not scored'),
            ('hubspot.email_event', 'merged_contact_moved',
                'e-mail event to the address of a merged-away contact: counted for the survivor'),
            ('hubspot.email_event', 'recipient_shared_by_contacts',
                'e-mail event to an address several contacts share: counted for the latest-modified one'),
            ('hubspot.contact_form_submission', 'merged_contact_moved',
                'form submission of a merged-away contact: counted for the survivor'),
            ('hubspot.contact_form_submission', 'deleted_contact',
                'form submission of a deleted contact: not scored'),
            ('hubspot.contact_list_member', 'merged_contact_moved',
                'list membership of a merged-away contact: counted for the survivor'),
            ('hubspot.contact_list_member', 'deleted_contact',
                'list membership of a deleted contact: not scored'),
            ('hubspot.contact_list_member', 'left_list',
                'membership the contact has left: not scored'),
            ('hubspot.engagement_contact', 'merged_contact_moved',
                'engagement of a merged-away contact: counted for the survivor'),
            ('hubspot.engagement_contact', 'deleted_contact',
                'engagement of a deleted contact: not scored'),
            ('hubspot.engagement_contact', 'inactive_engagement',
                'engagement no longer active: not scored'),
            ('hubspot.deal_contact', 'deleted_deal', 'deleted deal: not a conversion'),
            ('hubspot.deal_contact', 'deal_not_won',
                'deal not in a closed-won stage: not a conversion'),
            ('hubspot.deal_contact', 'deal_without_contact',
                'closed-won deal with no contact: converts nobody'),
            ('hubspot.deal_contact', 'deleted_contact',
                'closed-won deal of a deleted contact: not a conversion'),
            ('hubspot.deal_contact', 'merged_contact_moved',
                'closed-won deal of a merged-away contact: a conversion of the survivor'),
        ],
    } -%}
    {{ return(reasons.get(crm, [])) }}
{%- endmacro %}
