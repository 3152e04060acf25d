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
