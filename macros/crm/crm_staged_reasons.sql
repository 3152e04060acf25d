{% macro crm_staged_reasons() -%}
    {#- The reasons a CRM's staging gives a loader row it still stages: moved to the record a
        merged-away or converted record became, to the owner of a shared address, or
        inferred (a won opportunity's account contacts). Every other reason leaves the row
        out. The one list every CRM's *_rows model stages by. -#}
    {{ return([
        'merged_contact_moved',
        'merged_person_moved',
        'merged_lead_moved',
        'converted_lead_moved',
        'recipient_shared_by_contacts',
        'account_contact',
    ]) }}
{%- endmacro %}
