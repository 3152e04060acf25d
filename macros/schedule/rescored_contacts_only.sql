{% macro rescored_contacts_only(since, contact_column='contact_id', keyword='where') -%}
    {#- A where clause (or, with keyword 'and', one more condition of a where clause) keeping
        the rows of the contacts that int_contacts_to_rescore listed after `since`
        (rescore_since), or nothing when `since` is none (every contact). A model of today's
        scores only (rescored_model_config without scores_earlier_dates) skips the contacts
        listed for a window moved at the earlier dates only: their rows stay the same. -#}
    {%- if since is not none %}
        {%- set meta = config.get('meta') or {} %}
        {{ keyword }} {{ contact_column }} in (
            select rescore_log.contact_id
            from {{ ref('int_contacts_to_rescore') }} as rescore_log
            where
                rescore_log.rescored_at > {{ since }}
                and rescore_log.contact_id is not null
                {%- if not meta.get('scores_earlier_dates', false) %}
                    and rescore_log.rescore_reason <> 'window_moved_earlier'
                {%- endif %}
        )
    {%- endif -%}
{%- endmacro %}
