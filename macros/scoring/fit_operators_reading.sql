{% macro fit_operators_reading(value_kind) -%}
    {#- The operators whose value is read as `value_kind`, as a SQL list of literals. -#}
    {%- set names = [] -%}
    {%- for operator, kind in fit_operators().items() if kind == value_kind -%}
        {%- do names.append("'" ~ operator ~ "'") -%}
    {%- endfor -%}
    ({{ names | join(', ') }})
{%- endmacro %}
