{% macro can_delete_rows() -%}
    {#- Whether the engine's default table format can delete or replace rows, which the
        incremental models (delete+insert) and the score history need: a boolean. -#}
    {{ return(adapter.dispatch('can_delete_rows', 'lead_scoring')()) }}
{%- endmacro %}

{% macro default__can_delete_rows() -%}
    {{ return(true) }}
{%- endmacro %}

{% macro spark__can_delete_rows() -%}
    {#- Spark's default table format (Parquet, no Delta) cannot delete rows -#}
    {{ return(false) }}
{%- endmacro %}
