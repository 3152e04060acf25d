{#- Every reason an input row can have, so that a reason with no row still shows a 0. The
    texts are this project's explanations, not grid data. -#}
{%- set reasons = [
    ('contacts', 'scored', 'scored', 'contact scored as read'),
    ('contacts', 'reported', 'missing_contact_id', 'contact with no contact_id: not scored'),
    ('contacts', 'reported', 'duplicate_contact_superseded',
        'older version of a contact exported more than once: the version with the latest updated_at is scored'),
    ('contacts', 'reported', 'unknown_account',
        'contact whose account_id is not in accounts: scored without account attributes'),
    ('contacts', 'reported', 'unmapped_country',
        'contact whose country names no country in country_codes: scored with the value as given'),
    ('accounts', 'scored', 'scored', 'account used as read'),
    ('accounts', 'reported', 'missing_account_id', 'account with no account_id: not used'),
    ('accounts', 'reported', 'duplicate_account_id',
        'account_id repeated: one row is used and a source test fails the build'),
    ('accounts', 'reported', 'unmapped_country',
        'account whose country names no country in country_codes: used with the value as given'),
    ('events', 'scored', 'scored', 'event matched against the grid as read'),
    ('events', 'reported', 'missing_event_id', 'event with no event_id: not scored'),
    ('events', 'reported', 'duplicate_event_identical',
        'event_id delivered again, identical to the kept delivery: counted once'),
    ('events', 'reported', 'duplicate_event_conflicting',
        'event_id delivered again with different content: the earliest delivery is kept'),
    ('events', 'reported', 'missing_contact_id', 'event with no contact_id: not scored'),
    ('events', 'reported', 'unknown_contact', 'event whose contact_id is not in contacts: not scored'),
    ('events', 'reported', 'missing_occurred_at', 'event with no occurred_at: not scored'),
    ('events', 'reported', 'after_as_of', 'event after the as-of date: ignored as of this date'),
    ('events', 'reported', 'unmatched_event_type',
        'event type no criterion of any scoring model matches: kept, scores nothing'),
    ('contact_attributes', 'scored', 'scored', 'contact attribute value used as read'),
    ('contact_attributes', 'reported', 'missing_contact_id',
        'attribute value with no contact_id: not used'),
    ('contact_attributes', 'reported', 'missing_attribute',
        'attribute value with no attribute name: not used'),
    ('contact_attributes', 'reported', 'superseded_attribute_value',
        'older value of a contact attribute: the row with the latest updated_at is used'),
    ('contact_attributes', 'reported', 'unknown_contact',
        'attribute value whose contact_id is not in contacts: not used'),
    ('attribute_values', 'scored', 'scored',
        'attribute value a between rule compares, read as a number'),
    ('attribute_values', 'reported', 'non_numeric_between_value',
        'attribute value a between rule compares that is not a number: matches nothing'),
] -%}
{#- with a CRM's staging, the loader rows it leaves out or rewrites too -#}
{%- set crm = input_crm() -%}
{%- for input_table, reason, description in crm_quality_reasons(crm) -%}
    {%- do reasons.append((input_table, 'reported', reason, description)) -%}
{%- endfor -%}
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

        select * from {{ ref('int_' ~ crm ~ '_rows_classified') }}

    ),
{% endif %}

reason_catalog as (

    {% for input_table, outcome, reason, description in reasons -%}
        select
            '{{ input_table }}' as input_table,
            '{{ outcome }}' as outcome,
            '{{ reason }}' as reason,
            '{{ description }}' as reason_description
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

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
