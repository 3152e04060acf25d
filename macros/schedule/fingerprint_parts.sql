{% macro fingerprint_parts(alias, relation) -%}
    {#- Every column of `relation` (read as `alias`) as text, a null as '#null#', separated
        by '|': the parts of a concat that a digest of its rows hashes. A list of SQL
        expressions; empty while dbt parses. -#}
    {%- set parts = [] -%}
    {%- if execute -%}
        {%- for column in adapter.get_columns_in_relation(relation) -%}
            {%- do parts.append(
                "coalesce(cast(" ~ alias ~ "." ~ adapter.quote(column.name) ~ " as "
                ~ dbt.type_string() ~ "), '#null#')"
            ) -%}
            {%- do parts.append("'|'") -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(parts) }}
{%- endmacro %}
