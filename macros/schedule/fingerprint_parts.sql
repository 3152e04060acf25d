{% macro fingerprint_parts(alias, relation) -%}
    {#- Every column of `relation`, read as `alias`: a list of SQL expressions for row_digest.
        Empty while dbt parses. -#}
    {%- set parts = [] -%}
    {%- if execute -%}
        {%- for column in adapter.get_columns_in_relation(relation) -%}
            {%- do parts.append(alias ~ "." ~ adapter.quote(column.name)) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(parts) }}
{%- endmacro %}

{% macro row_digest(expressions) -%}
    {#- A digest of the values of `expressions` (a list of SQL expressions of any type), as
        text: equal values give equal digests, a null differs from every value. -#}
    {{ return(adapter.dispatch('row_digest', 'lead_scoring')(expressions)) }}
{%- endmacro %}

{% macro default__row_digest(expressions) -%}
    {%- set texts = [] -%}
    {%- for expression in expressions -%}
        {%- do texts.append(
            "coalesce(cast(" ~ expression ~ " as " ~ dbt.type_string() ~ "), '#null#')"
        ) -%}
        {%- if not loop.last %}{% do texts.append("'|'") %}{% endif -%}
    {%- endfor -%}
    {{ dbt.hash(dbt.concat(texts)) }}
{%- endmacro %}

{% macro duckdb__row_digest(expressions) -%}
    {#- DuckDB's own 64-bit hash of the typed values: int_contact_input_fingerprints took
        12.1 s with MD5 over every column as text, 5.0 s with it (1M contacts, full build) -#}
    cast(hash({{ expressions | join(', ') }}) as {{ dbt.type_string() }})
{%- endmacro %}
