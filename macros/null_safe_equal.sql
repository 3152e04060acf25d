{% macro null_safe_equal(left, right) -%}
    {#- True when both sides are equal or both are null (`is not distinct from`, spelled
        so that every engine and the SQL linter read it). -#}
    ({{ left }} = {{ right }} or ({{ left }} is null and {{ right }} is null))
{%- endmacro %}
