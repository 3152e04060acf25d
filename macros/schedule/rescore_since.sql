{% macro rescore_since() -%}
    {#- Which contacts the model being built must compute again: the SQL timestamp after
        which the entries of int_contacts_to_rescore are new to it (the latest rescored_at of
        its own rows: the last run it applied), or none when it computes every contact (a
        first build, --full-refresh, an entry that rescores everyone since, a table without
        rows or from before this column). Applying again an entry already applied gives the
        same rows, so a model a failed run left behind catches up at the next run. Refers to
        int_contacts_to_rescore even while dbt parses, so that the model runs after it. -#}
    {%- set rescore_log = ref('int_contacts_to_rescore') -%}
    {%- if not (execute and is_incremental()) -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set columns = adapter.get_columns_in_relation(this)
        | map(attribute='name') | map('lower') | list -%}
    {%- if 'rescored_at' not in columns -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set query -%}
        select
            applied.applied_at,
            (
                select count(*)
                from {{ rescore_log }} as rescore_log
                where
                    rescore_log.rescores_everyone
                    and rescore_log.rescored_at > applied.applied_at
            ) as everyone_runs
        from (select max(rescored_at) as applied_at from {{ this }}) as applied
    {%- endset -%}
    {%- set applied = run_query(query).rows[0] -%}
    {%- if applied[0] is none or applied[1] > 0 -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(lead_scoring.timestamp_literal(applied[0])) }}
{%- endmacro %}
