{% macro rescored_contacts_only(since, contact_column='contact_id', keyword='where') -%}
    {#- A where clause (or, with keyword 'and', one more condition of a where clause) keeping
        the rows of the contacts that int_contacts_to_rescore listed after `since`
        (rescore_since), or nothing when `since` is none (every contact). -#}
    {%- if since is not none %}
        {{ keyword }} {{ contact_column }} in (
            select rescore_log.contact_id
            from {{ ref('int_contacts_to_rescore') }} as rescore_log
            where rescore_log.rescored_at > {{ since }} and rescore_log.contact_id is not null
        )
    {%- endif -%}
{%- endmacro %}
