{#- The accounts scoring reads, one row per account_id: the row kept (rank 1), with the
    country as its ISO-2 code. The one place that decides which account rows count;
    int_account_rows_classified reports every row by its reason. -#}
with

accounts as (

    select * from {{ ref('stg_lead_scoring__accounts') }}

),

kept_rows as (

    select
        {% for column in source_extra_columns('accounts') -%}
            {{ adapter.quote(column.name) }},
        {% endfor -%}
        {{ contract_select_list('accounts', aliases={'country': 'country_as_given'}) }}
    from accounts
    where {{ input_row_not_kept_reason('accounts') }} is null

),

final as (

    {{ with_iso_country_code('kept_rows') }}

)

select * from final
