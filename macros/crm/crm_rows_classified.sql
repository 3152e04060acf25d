{% macro crm_rows_classified(crm, classified) -%}
    {#- The body of `crm_<crm>__rows_classified`: one row (input_table, reason, example_key)
        per loader row the CRM's layer leaves out, moves or infers, for scoring_data_quality
        (the rows staged as read are counted there under the contract's tables), and one per
        relied-on loader column the connector did not write (crm_missing_column_rows).
        `classified` lists where rows come from, each `{model, example_key}` with SQL over the
        model's columns, and optionally `input_table`, `reason` (default: the model's
        `crm_table` and `crm_reason`) and `where` (default: a reason is given). -#}
    with

    {% for item in classified -%}
        {{ item.model }} as (

            select * from {{ ref(item.model) }}

        ),

    {% endfor -%}

    {% for item in classified -%}
        {{ item.model }}_classified as (

            select
                {{ item.get('input_table', 'crm_table') }} as input_table,
                {{ item.get('reason', 'crm_reason') }} as reason,
                {{ item.example_key }} as example_key
            from {{ item.model }}
            where {{ item.get('where', 'crm_reason is not null') }}

        ),

    {% endfor -%}

    missing_columns as (

        {{ crm_missing_column_rows(crm) }}

    ),

    final as (

        {% for item in classified -%}
            select * from {{ item.model }}_classified
            union all
        {% endfor -%}
        select * from missing_columns

    )

    select * from final
{%- endmacro %}
