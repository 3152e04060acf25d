{#- HubSpot's subscription changes (`email_subscription_change`): every change of an
    address's subscription status, whoever made it (the recipient in an e-mail, a rep, an
    import, a preference page). A change an e-mail event caused (`caused_by_event_id`) is
    that STATUSCHANGE e-mail event; the others have no e-mail event. Absent table: no rows
    (and scoring_data_quality reports it missing). -#}
{{ config(enabled=input_crm() == 'hubspot') }}
{%- set relation = crm_optional_source('hubspot', 'email_subscription_change') %}

with

{% if relation is not none -%}
    source as (

        select * from {{ relation }}

    ),

    renamed as (

        select
            -- no key column: Fivetran's own row id when it writes one, else the change's
            -- address, time, kind, subscription and causing e-mail event, which together are
            -- one change
            cast(
                coalesce(
                    cast(
                        {{ crm_column(relation, '_fivetran_id', dbt.type_string()) }}
                        as {{ dbt.type_string() }}
                    ),
                    recipient
                    || ':' || coalesce(cast(timestamp as {{ dbt.type_string() }}), '')
                    || ':' || coalesce(change_type, '')
                    || ':' || coalesce(
                        cast(
                            {{ crm_column(relation, 'email_subscription_id', dbt.type_string()) }}
                            as {{ dbt.type_string() }}
                        ),
                        ''
                    )
                    || ':' || coalesce(cast(caused_by_event_id as {{ dbt.type_string() }}), '')
                ) as {{ dbt.type_string() }}
            ) as subscription_change_id,
            recipient,
            upper(trim(change_type)) as change_type,
            upper(trim(change)) as subscription_change,
            cast(
                {{ crm_column(relation, 'email_subscription_id', dbt.type_string()) }}
                as {{ dbt.type_string() }}
            ) as email_subscription_id,
            cast(caused_by_event_id as {{ dbt.type_string() }}) as caused_by_event_id,
            cast(timestamp as {{ dbt.type_timestamp() }}) as occurred_at
        from source

    )
{%- else -%}
    renamed as (

        select * from (
            select
                cast(null as {{ dbt.type_string() }}) as subscription_change_id,
                cast(null as {{ dbt.type_string() }}) as recipient,
                cast(null as {{ dbt.type_string() }}) as change_type,
                cast(null as {{ dbt.type_string() }}) as subscription_change,
                cast(null as {{ dbt.type_string() }}) as email_subscription_id,
                cast(null as {{ dbt.type_string() }}) as caused_by_event_id,
                cast(null as {{ dbt.type_timestamp() }}) as occurred_at
        ) as no_table
        where 1 = 0

    )
{%- endif %}

select * from renamed
