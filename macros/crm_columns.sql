{% macro crm_column(relation, column_name, data_type) -%}
    {#- A column of a CRM loader's table when the table has it (the warehouse's catalog, at
        compile time), else a null of `data_type`: loaders write a CRM property only when the
        CRM account uses it (e.g. HubSpot's `property_hs_buying_role`). -#}
    {%- for column in crm_catalog_columns(relation) -%}
        {%- if column.name | lower == column_name -%}
            {{ return(adapter.quote(column.name)) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return('cast(null as ' ~ data_type ~ ')') }}
{%- endmacro %}

{% macro crm_catalog_columns(relation) -%}
    {#- The columns of a relation in the warehouse's catalog, read when the calling model
        compiles (none while dbt parses). -#}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {{ return(adapter.get_columns_in_relation(relation)) }}
{%- endmacro %}

{% macro crm_passed_columns(relation, mapped=[]) -%}
    {#- A CRM loader table's custom properties beyond those `mapped` into the contract, as
        `{quoted, name}` with `name` the property's own name: HubSpot's `property_department`
        and Salesforce's `department_c` (a custom field `Department__c`) are `department`.
        Staging passes them through, so a fit rule can test `contacts.department` as it
        would a contract-shaped table's extra column. -#}
    {%- set crm = input_crm() -%}
    {%- set passed = [] -%}
    {%- for column in crm_catalog_columns(relation) -%}
        {%- set column_name = column.name | lower -%}
        {%- if column_name not in mapped -%}
            {%- if crm == 'hubspot' and column_name.startswith('property_') -%}
                {%- do passed.append({
                    'quoted': adapter.quote(column.name), 'name': column_name[9:]
                }) -%}
            {%- elif crm in ('salesforce', 'marketo') and column_name.endswith('_c') -%}
                {%- do passed.append({
                    'quoted': adapter.quote(column.name), 'name': column_name[:-2]
                }) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(passed) }}
{%- endmacro %}

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

{% macro crm_picklist_value(expression) -%}
    {#- A picklist label as the grid's snake_case values: `Paid Search` is `paid_search`. -#}
    replace({{ normalized_text(expression) }}, ' ', '_')
{%- endmacro %}

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

{% macro crm_loader_relation(table_name) -%}
    {#- The relation of a loader table of the CRM in use when it exists in the warehouse (its
        source is looked up by name, without making the caller depend on it), else none;
        none while dbt parses. -#}
    {%- set crm = input_crm() -%}
    {%- if crm is none or not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- for node in graph.sources.values()
        if node.source_name == crm and node.name == table_name -%}
        {{ return(adapter.get_relation(node.database, node.schema, node.identifier)) }}
    {%- endfor -%}
    {{ return(none) }}
{%- endmacro %}

{% macro crm_optional_source(crm, table_name) -%}
    {#- A loader table the connector writes only in some accounts or versions (HubSpot's
        `engagement_meeting`, `email_subscription_change`): its source relation when the
        table exists, else none. The calling model depends on the source either way. -#}
    {%- set relation = source(crm, table_name) -%}
    {%- if crm_loader_relation(table_name) is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(relation) }}
{%- endmacro %}

{% macro crm_relied_columns(crm) -%}
    {#- The loader columns each CRM's staging relies on, as (table, columns, what is lost
        without them): `columns` lists the spellings of the connector's versions, any one of
        them enough (`a|b`); empty for the table itself. Staging reads an absent one as null
        (crm_column), as Fivetran's packages fill missing columns; the build warns and
        scoring_data_quality reports it (`missing_column`), so that a connector version or
        an account without it is never a silent loss. -#}
    {%- set relied = {
        'hubspot': [
            ('contact', '_fivetran_deleted', 'deleted contacts are scored'),
            ('contact', 'property_hs_merged_object_ids|property_hs_calculated_merged_vids',
                'merged contacts are not resolved'),
            ('contact', 'property_email', 'e-mail events and unsubscribes find no contact'),
            ('contact', 'property_lastmodifieddate', 'contacts have no updated_at'),
            ('contact', 'property_hs_analytics_source', 'lead_source is null'),
            ('company', 'is_deleted|_fivetran_deleted', 'deleted companies are used'),
            ('deal', 'is_deleted|_fivetran_deleted', 'deleted deals become conversions'),
            ('deal', 'property_closedate', 'conversions have no date'),
            ('deal_pipeline_stage', 'is_closed|closed_won',
                'won stages are not recognised (no conversions)'),
            ('deal_pipeline_stage', 'probability', 'won stages are not recognised (no conversions)'),
            ('contact_form_submission', 'conversion_id',
                'a submission under a survivor and a merged-away contact counts twice'),
            ('contact_form_submission', 'page_url', 'form subjects have no landing page'),
            ('email_subscription_change', '', 'unsubscribes made outside an e-mail are not counted'),
        ],
        'salesforce': [
            ('contact', 'is_deleted|_fivetran_deleted', 'deleted contacts are scored'),
            ('contact', 'master_record_id', 'merged contacts are not resolved'),
            ('lead', 'is_deleted|_fivetran_deleted', 'deleted leads are scored'),
            ('lead', 'master_record_id', 'merged leads are not resolved'),
            ('lead', 'is_converted', 'converted leads are scored beside their contact'),
            ('lead', 'converted_contact_id', 'converted leads are scored beside their contact'),
            ('opportunity', 'is_deleted|_fivetran_deleted', 'deleted opportunities become conversions'),
            ('opportunity', 'is_won', 'won opportunities are not recognised (no conversions)'),
        ],
        'marketo': [
            ('lead', 'title', 'job titles are null (title rules match nothing)'),
            ('lead', 'lead_source', 'lead_source is null'),
            ('lead', 'website', 'accounts have no domain'),
        ],
    } -%}
    {{ return(relied.get(crm, [])) }}
{%- endmacro %}

{% macro crm_missing_columns(crm) -%}
    {#- The relied-on columns (crm_relied_columns) the CRM's loader tables lack in the
        warehouse, as `{table, columns, consequence}`; `columns` is empty for an absent
        table. Each is logged as a warning; none while dbt parses. -#}
    {%- set missing = [] -%}
    {%- if not execute -%}
        {{ return(missing) }}
    {%- endif -%}
    {%- for table_name, columns, consequence in crm_relied_columns(crm) -%}
        {%- set relation = crm_loader_relation(table_name) -%}
        {%- set present = [] -%}
        {%- if relation is not none -%}
            {%- for column in crm_catalog_columns(relation) -%}
                {%- do present.append(column.name | lower) -%}
            {%- endfor -%}
        {%- endif -%}
        {%- set spellings = columns.split('|') if columns else [] -%}
        {%- if relation is none or (spellings and not (spellings | select('in', present) | list)) -%}
            {%- if relation is none -%}
                {%- set what = 'has no table ' ~ crm ~ '.' ~ table_name -%}
            {%- else -%}
                {%- set what = crm ~ '.' ~ table_name ~ ' has no column '
                    ~ spellings | join(' or ') ~ ' (read as null)' -%}
            {%- endif -%}
            {%- do exceptions.warn(
                'lead_scoring: the ' ~ crm ~ ' connector ' ~ what ~ ': ' ~ consequence
            ) -%}
            {%- do missing.append({
                'table': table_name, 'columns': columns, 'consequence': consequence
            }) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(missing) }}
{%- endmacro %}

{% macro crm_missing_column_rows(crm) -%}
    {#- A select of one row per relied-on loader column (or table) absent from the warehouse
        (crm_missing_columns), as int_<crm>_rows_classified lists rows: input_table,
        reason `missing_column`, example_key naming it and what is lost. -#}
    {%- set missing = crm_missing_columns(crm) -%}
    {%- if not missing -%}
        select * from (
            select
                cast(null as {{ dbt.type_string() }}) as input_table,
                cast(null as {{ dbt.type_string() }}) as reason,
                cast(null as {{ dbt.type_string() }}) as example_key
        ) as no_missing_column
        where 1 = 0
    {%- else -%}
        {%- for item in missing %}
            select
                '{{ crm }}.{{ item.table }}' as input_table,
                'missing_column' as reason,
                '{{ (item.columns | replace("|", " or ") if item.columns else "(no table)")
                    ~ ": " ~ item.consequence }}' as example_key
            {% if not loop.last %}union all{% endif %}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}

{% macro crm_is_deleted(relation) -%}
    {#- Whether a loader row is deleted at the source, by either flag the connector writes:
        the CRM's own `is_deleted` or Fivetran's `_fivetran_deleted` (a record deleted in the
        CRM, or no longer returned by its API). Either one is enough: unlike Fivetran's
        packages, which coalesce the two, a false `is_deleted` does not hide a true
        `_fivetran_deleted`. -#}
    (
        coalesce(cast({{ crm_column(relation, 'is_deleted', 'boolean') }} as boolean), false)
        or coalesce(
            cast({{ crm_column(relation, '_fivetran_deleted', 'boolean') }} as boolean), false
        )
    )
{%- endmacro %}

{% macro crm_is_current_version(relation) -%}
    {#- Whether a loader row is the record's current version: with Fivetran's history mode a
        table keeps every version of a record, the current one `_fivetran_active`; without
        it, every row is current. -#}
    coalesce(cast({{ crm_column(relation, '_fivetran_active', 'boolean') }} as boolean), true)
{%- endmacro %}
