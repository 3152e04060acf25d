{% macro with_iso_country_code(cte, column='country_as_given') -%}
    {#- The rows of `cte` with `country`: the ISO-2 code of `<cte>.<column>` when it names a
        country (as a code or a name, any case: "United States", "usa", "US" are all `US`),
        else the value as given; and `is_country_unmapped`, true when a value was given that
        names no country the seed country_codes knows (scoring_data_quality reports those).
        The one place inputs' countries are mapped: int_contacts_cleaned and
        int_accounts_cleaned select from it. -#}
    select
        {{ cte }}.*,
        coalesce(country_codes.country_code, {{ cte }}.{{ column }}) as country,
        coalesce(
            {{ normalized_text(cte ~ '.' ~ column) }} is not null
            and country_codes.country_code is null,
            false
        ) as is_country_unmapped
    from {{ cte }}
    left join {{ ref('stg_reference__country_codes') }} as country_codes
        on {{ normalized_text(cte ~ '.' ~ column) }} = country_codes.country_name
{%- endmacro %}
