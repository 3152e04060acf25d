{% macro fit_operators() -%}
    {#- The operators of fit rules and audience rows, each with how its `value` is read:
        `list` (`|`-separated items, compared one by one), `single` (one value), `range`
        (`min|max`, numbers) or `none` (no value). -#}
    {{ return({
        'equals': 'single',
        'in': 'list',
        'between': 'range',
        'contains_any': 'list',
        'is_present': 'none',
        'email_domain_in': 'list',
    }) }}
{%- endmacro %}
