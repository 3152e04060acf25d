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

{% macro fit_operators_reading(value_kind) -%}
    {#- The operators whose value is read as `value_kind`, as a SQL list of literals. -#}
    {%- set names = [] -%}
    {%- for operator, kind in fit_operators().items() if kind == value_kind -%}
        {%- do names.append("'" ~ operator ~ "'") -%}
    {%- endfor -%}
    ({{ names | join(', ') }})
{%- endmacro %}

{% macro max_list_items() -%}
    {#- The longest `|`-separated list a fit rule or audience value may hold. -#}
    {{ return(100) }}
{%- endmacro %}
