{% macro crm_is_current_version(relation) -%}
    {#- Whether a loader row is the record's current version: with Fivetran's history mode a
        table keeps every version of a record, the current one `_fivetran_active`; without
        it, every row is current. -#}
    coalesce(cast({{ crm_column(relation, '_fivetran_active', 'boolean') }} as boolean), true)
{%- endmacro %}
