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
