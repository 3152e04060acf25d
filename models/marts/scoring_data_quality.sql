{#- with a CRM's staging, the loader rows it leaves out or rewrites too -#}
{%- set crm = input_crm() -%}
{%- set max_examples = 5 -%}

with

contact_rows as (

    select * from {{ ref('int_contact_rows_classified') }}

),

account_rows as (

    select * from {{ ref('int_account_rows_classified') }}

),

event_rows as (

    select * from {{ ref('int_event_rows_classified') }}

),

contact_attribute_rows as (

    select * from {{ ref('int_contact_attribute_rows_classified') }}

),

attribute_value_rows as (

    select * from {{ ref('int_attribute_values_classified') }}

),

{% if crm %}
    crm_rows as (

        select * from {{ ref('crm_' ~ crm ~ '__rows_classified') }}

    ),
{% endif %}

data_quality_reasons as (

    select * from {{ ref('data_quality_reasons') }}

),

-- every reason an input row can have, so that a reason with no row still shows a 0
reason_catalog as (

    select
        input_table,
        outcome,
        reason,
        description as reason_description
    from data_quality_reasons
    where crm is null{% if crm %} or crm = '{{ crm }}'{% endif %}

),

classified_rows as (

    select
        input_table,
        reason,
        example_key
    from contact_rows
    union all
    select
        input_table,
        reason,
        example_key
    from account_rows
    union all
    select
        input_table,
        reason,
        example_key
    from event_rows
    union all
    select
        input_table,
        reason,
        example_key
    from contact_attribute_rows
    union all
    select
        input_table,
        reason,
        example_key
    from attribute_value_rows
    {% if crm -%}
        union all
        select
            input_table,
            reason,
            example_key
        from crm_rows
    {%- endif %}

),

counted as (

    select
        input_table,
        reason,
        count(*) as row_count
    from classified_rows
    group by input_table, reason

),

distinct_examples as (

    -- many rows can share an example key (e.g. an unmatched event type)
    select distinct
        input_table,
        reason,
        example_key
    from classified_rows
    where reason != 'scored'

),

numbered_examples as (

    select
        input_table,
        reason,
        example_key,
        row_number() over (
            partition by input_table, reason
            order by example_key
        ) as example_number
    from distinct_examples

),

examples as (

    select
        input_table,
        reason,
        {{ ordered_string_agg('example_key', ', ', ['example_key']) }} as example_keys
    from numbered_examples
    where example_number <= {{ max_examples }}
    group by input_table, reason

),

final as (

    select
        reason_catalog.input_table,
        reason_catalog.outcome,
        reason_catalog.reason,
        reason_catalog.reason_description,
        cast(coalesce(counted.row_count, 0) as {{ dbt.type_int() }}) as row_count,
        coalesce(examples.example_keys, '') as example_keys,
        {{ scoring_as_of_date() }} as scored_as_of,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }})
            as run_started_at
    from reason_catalog
    left join counted
        on
            reason_catalog.input_table = counted.input_table
            and reason_catalog.reason = counted.reason
    left join examples
        on
            reason_catalog.input_table = examples.input_table
            and reason_catalog.reason = examples.reason

)

select * from final
