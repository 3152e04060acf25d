{% macro is_attribute_value_as_of(days_earlier, days) -%}
    {#- Whether an attribute value row (int_contact_attribute_values_all) holds as of `days`
        days before the as-of date: a value without history (null days_earlier) holds at
        every date, a dated one (lead.is_customer) on its own date. -#}
    ({{ days_earlier }} is null or {{ days_earlier }} = {{ days }})
{%- endmacro %}
