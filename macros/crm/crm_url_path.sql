{% macro crm_url_path(expression) -%}
    {#- The path of a URL as a grid's subject patterns read it (`/pricing`): without scheme,
        host, query string or fragment. -#}
    nullif(
        {{ split_item(
            split_item(
                "regexp_replace(trim(" ~ expression ~ "), '^([a-zA-Z]+://)?[^/?#]*', '')",
                '?', 1
            ),
            '#', 1
        ) }},
        ''
    )
{%- endmacro %}
