{% macro is_positive_outcome(is_existing_customer, days_to_conversion) -%}
    {#- Whether a lead is a positive of the evaluation: not yet a customer on the as-of date
        and converting within the horizon after it (false without a conversion). -#}
    coalesce(
        not {{ is_existing_customer }}
        and {{ days_to_conversion }} <= {{ conversion_horizon_days() }},
        false
    )
{%- endmacro %}
