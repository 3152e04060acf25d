{#- HubSpot's engagements, one row per engagement, with when it happened and whether it is
    live: today's connector writes the time and the deletion flag in engagement_<type>
    (call, email, meeting, note, task), older versions wrote `timestamp` and `active` on the
    engagement itself; each read where written. -#}
{{ config(enabled=input_crm() == 'hubspot') }}
{%- set engagement_types = ['call', 'email', 'meeting', 'note', 'task'] %}

with

engagements as (

    select * from {{ ref('stg_hubspot__engagement') }}

),

{% for engagement_type in engagement_types %}
    engagement_{{ engagement_type }} as (

        select * from {{ ref('stg_hubspot__engagement_' ~ engagement_type) }}

    ),
{% endfor %}

engagement_details as (

    {% for engagement_type in engagement_types -%}
        select * from engagement_{{ engagement_type }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        engagements.engagement_id,
        engagements.engagement_type,
        engagements.is_active,
        -- today's connector: the time of the engagement_<type> row; older: the engagement's
        coalesce(engagement_details.occurred_at, engagements.occurred_at) as occurred_at,
        coalesce(engagement_details.is_deleted, false) as is_deleted
    from engagements
    left join engagement_details
        on engagements.engagement_id = engagement_details.engagement_id

)

select * from final
