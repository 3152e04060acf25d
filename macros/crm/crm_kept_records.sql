{% macro crm_kept_records(records, id_column, resolution, resolution_id_column) -%}
    {#- A select of the rows of `records` (a CTE of a CRM's staged records) that the CRM's
        resolution model (the CTE `resolution`) keeps: neither deleted nor merged away nor
        converted into another record. The contract's contacts and accounts are made of
        them; the records left out are counted in crm_<crm>__rows_classified. -#}
    select {{ records }}.*
    from {{ records }}
    inner join {{ resolution }}
        on {{ records }}.{{ id_column }} = {{ resolution }}.{{ resolution_id_column }}
    where {{ resolution }}.resolution = 'kept'
{%- endmacro %}
