{% macro crm_resolved_key(key, resolution, id_column, resolved_column) -%}
    {#- The record a loader row counts for, from its record key and the CRM's resolution
        model (joined as `resolution`): the resolved record, or for a key no record and no
        merge names, the key as is (the input models downstream report it as unknown). -#}
    case
        when {{ resolution }}.{{ id_column }} is null then {{ key }}
        else {{ resolution }}.{{ resolved_column }}
    end
{%- endmacro %}
