{% macro crm_web_domain(expression) -%}
    {#- A web domain from a website as CRMs store it (`https://www.acme.com/`, `acme.com`):
        lowercase, without scheme, `www.` or path. -#}
    nullif(
        {{ split_item(
            "regexp_replace(lower(trim(" ~ expression ~ ")), '^(https?://)?(www[.])?', '')",
            '/', 1
        ) }},
        ''
    )
{%- endmacro %}
