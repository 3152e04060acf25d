{% macro depends_on_demo_seed(seed_name) -%}
    {#- When the demo dataset is loaded (var load_demo_data), make the calling staging model
        depend on the demo seed its source reads, so that a first `dbt build` on an empty
        warehouse loads the seed before creating the view over it. Renders a SQL comment. -#}
    {%- if var('load_demo_data', true) -%}
        -- source table loaded by the demo seed {{ ref(seed_name) }}
    {%- endif -%}
{%- endmacro %}
