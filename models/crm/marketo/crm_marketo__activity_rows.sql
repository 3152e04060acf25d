{#- Every Marketo activity the contract's event log can hold (e-mail opens, clicks and
    unsubscribes, form fills, page visits, list additions, program status changes, and the
    field changes that unsubscribe a lead with no e-mail: an import, a rep, a list action),
    its lead resolved, with why a row is not staged as read: `crm_reason`. -#}
{{ config(enabled=input_crm() == 'marketo') }}
{%- set activity_models = [
    'stg_marketo__activity_open_email',
    'stg_marketo__activity_click_email',
    'stg_marketo__activity_unsubscribe_email',
    'stg_marketo__activity_fill_out_form',
    'stg_marketo__activity_visit_webpage',
    'stg_marketo__activity_add_to_list',
    'stg_marketo__activity_change_status_in_progression',
] %}

with

{% for model_name in activity_models %}
    {{ model_name | replace('stg_marketo__', '') }} as (

        select * from {{ ref(model_name) }}

    ),
{% endfor %}

field_changes as (

    select * from {{ ref('stg_marketo__activity_change_data_value') }}

),

lead_resolution as (

    select * from {{ ref('crm_marketo__lead_resolution') }}

),

field_unsubscribes as (

    -- the lead's `Unsubscribed` field set to true
    select
        activity_id,
        lead_id,
        'unsubscribe' as event_type,
        cast(null as {{ dbt.type_string() }}) as subject,
        occurred_at
    from field_changes
    where changed_field = 'unsubscribed' and new_value in ('true', '1', 'yes')

),

activity as (

    {% for model_name in activity_models -%}
        select
            'marketo.{{ model_name | replace("stg_marketo__", "") }}' as crm_table,
            activity_id,
            lead_id,
            event_type,
            subject,
            occurred_at
        from {{ model_name | replace('stg_marketo__', '') }}
        union all
    {% endfor %}
    select
        'marketo.activity_change_data_value' as crm_table,
        activity_id,
        lead_id,
        event_type,
        subject,
        occurred_at
    from field_unsubscribes

),

resolved as (

    select
        activity.crm_table,
        -- Marketo numbers activities of every type in one sequence
        'activity:' || activity.activity_id as event_id,
        activity.lead_id as crm_contact_key,
        -- an id no lead has passes as is: the input models downstream report it as an
        -- unknown contact
        {{ crm_resolved_key(
            'activity.lead_id', 'lead_resolution', 'lead_id', 'resolved_lead_id'
        ) }} as contact_id,
        activity.event_type,
        activity.subject,
        activity.occurred_at,
        lead_resolution.keyed_row_reason as crm_reason
    from activity
    left join lead_resolution
        on activity.lead_id = lead_resolution.lead_id

)

select * from resolved
