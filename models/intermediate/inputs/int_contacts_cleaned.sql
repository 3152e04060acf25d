{#- The contacts scoring reads, one row per contact_id: the version kept (rank 1), with the
    country as its ISO-2 code. The one place that decides which contact rows count;
    int_contact_rows_classified reports every row by its reason. -#}
with

contacts as (

    select * from {{ ref('stg_lead_scoring__contacts') }}

),

kept_versions as (

    select
        {% for column in source_extra_columns('contacts') -%}
            {{ adapter.quote(column.name) }},
        {% endfor -%}
        {{ contract_select_list('contacts', aliases={'country': 'country_as_given'}) }}
    from contacts
    where {{ input_row_not_kept_reason('contacts') }} is null

),

final as (

    {{ with_iso_country_code('kept_versions') }}

)

select * from final
