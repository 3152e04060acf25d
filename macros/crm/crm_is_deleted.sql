{% macro crm_is_deleted(relation) -%}
    {#- Whether a loader row is deleted at the source, by either flag the connector writes:
        the CRM's own `is_deleted` or Fivetran's `_fivetran_deleted` (a record deleted in the
        CRM, or no longer returned by its API). Either one is enough: unlike Fivetran's
        packages, which coalesce the two, a false `is_deleted` does not hide a true
        `_fivetran_deleted`. -#}
    (
        coalesce(cast({{ crm_column(relation, 'is_deleted', 'boolean') }} as boolean), false)
        or coalesce(
            cast({{ crm_column(relation, '_fivetran_deleted', 'boolean') }} as boolean), false
        )
    )
{%- endmacro %}
