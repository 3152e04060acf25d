{% macro text_to_number(expression) -%}
    {#- A text expression as a number, or null when it is not one (never an error): grid
        values are typed by marketers, and a bad one must be reported, not crash the run. -#}
    {{ return(adapter.dispatch('text_to_number', 'lead_scoring')(expression)) }}
{%- endmacro %}

{% macro _number_pattern() -%}
    {#- What reads as a number, on every engine alike: digits, an optional sign and decimal
        part (`42`, `-1.5`); not `1e3`, `.5`, `inf` or `nan`, which some engines' casts
        accept and others reject. -#}
    {{ return("'^[+-]?[0-9]+([.][0-9]+)?$'") }}
{%- endmacro %}

{% macro default__text_to_number(expression) -%}
    case
        when trim({{ expression }}) ~ {{ _number_pattern() }}
            then cast(trim({{ expression }}) as {{ number_type() }})
    end
{%- endmacro %}

{% macro duckdb__text_to_number(expression) -%}
    case
        when regexp_matches(trim({{ expression }}), {{ _number_pattern() }})
            then cast(trim({{ expression }}) as {{ number_type() }})
    end
{%- endmacro %}

{% macro spark__text_to_number(expression) -%}
    case
        when trim({{ expression }}) rlike {{ _number_pattern() }}
            then cast(trim({{ expression }}) as {{ number_type() }})
    end
{%- endmacro %}

{% macro snowflake__text_to_number(expression) -%}
    {#- Snowflake's regexp_like anchors the pattern at both ends (_number_pattern does too);
        try_to_double returns null instead of failing, whatever order the plan evaluates in -#}
    case
        when regexp_like(trim({{ expression }}), {{ _number_pattern() }})
            then try_to_double(trim({{ expression }}))
    end
{%- endmacro %}
