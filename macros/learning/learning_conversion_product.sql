{% macro learning_conversion_product() -%}
    {#- The var `learning_conversion_product` as a SQL text literal (normalised like the
        conversions' product), or null: the product whose conversions a learned model
        predicts (null: any conversion). -#}
    {%- set product = var('learning_conversion_product', none) -%}
    {%- if product is none or product | string | trim == '' -%}
        cast(null as {{ dbt.type_string() }})
    {%- else -%}
        {{ normalized_text(dbt.string_literal(product | string | replace("'", "''"))) }}
    {%- endif -%}
{%- endmacro %}
