{% macro crm_is_staged(reason_column) -%}
    {#- Whether a loader row with this reason (null: none) is staged: no reason, or one of
        crm_staged_reasons(). -#}
    coalesce(
        {{ reason_column }} in ('{{ crm_staged_reasons() | join("', '") }}'),
        true
    )
{%- endmacro %}
