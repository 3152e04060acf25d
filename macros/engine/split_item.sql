{% macro split_item(string_text, delimiter, position) -%}
    {#- The `position`-th (1-based; a SQL expression, e.g. a column) piece of `string_text`
        cut at the one-character `delimiter`; empty or null past the last piece. -#}
    {{ return(adapter.dispatch('split_item', 'lead_scoring')(string_text, delimiter, position)) }}
{%- endmacro %}

{% macro default__split_item(string_text, delimiter, position) -%}
    split_part({{ string_text }}, '{{ delimiter }}', {{ position }})
{%- endmacro %}

{% macro spark__split_item(string_text, delimiter, position) -%}
    {#- split() takes a regular expression: a one-character class matches the delimiter
        literally; try_element_at returns null past the end even in ANSI mode -#}
    try_element_at(split({{ string_text }}, '[{{ delimiter }}]'), {{ position }})
{%- endmacro %}
