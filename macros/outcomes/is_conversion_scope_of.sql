{% macro is_conversion_scope_of(product, conversion_product) -%}
    {#- Whether a row of int_contact_conversion_scopes (its `conversion_product`) is the
        scope of a model's (or learning's) product: that product, or any product when the
        product is null (products are never blank). -#}
    coalesce({{ product }}, '') = coalesce({{ conversion_product }}, '')
{%- endmacro %}
