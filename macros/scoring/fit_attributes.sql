{% macro fit_attributes() -%}
    {#- The contact and account columns a fit rule or an audience row may test, named
        `table.column` in the grid, as a list of `{table, column, is_numeric}`: the input
        contract's columns (contract_columns) but the table's own key and its `*_at`
        timestamps, then any other column the source tables have (read from the warehouse's
        catalog at compile time). A contract column is numeric when the YAML of the staging
        model that casts it says so (`meta: {is_numeric: true}`); numeric columns are
        compared as numbers by `between`, text columns are parsed. `attributes.<name>` and
        `lead.is_customer` are not columns: int_contact_attribute_values_all adds them. -#}
    {%- set attributes = [] -%}
    {%- for table in ['contacts', 'accounts'] -%}
        {#- while dbt parses, its graph is not there to read the contract from (the catalog
            is still read: with a CRM's layer, that is what makes the model depend on it) -#}
        {%- set staged = graph.nodes.values()
            | selectattr('resource_type', 'equalto', 'model')
            | selectattr('name', 'equalto', 'stg_lead_scoring__' ~ table)
            | first if execute else none -%}
        {%- set table_key = table[:-1] ~ '_id' -%}
        {%- for column in (contract_columns(table) if execute else []) -%}
            {%- if column != table_key and not column.endswith('_at') -%}
                {%- set documented = staged.columns.get(column, {}) -%}
                {%- do attributes.append({
                    'table': table,
                    'column': column,
                    'is_numeric': (documented.get('meta', {})).get('is_numeric', false),
                }) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- for column in source_extra_columns(table) -%}
            {%- do attributes.append(
                {'table': table, 'column': column.name, 'is_numeric': column.is_numeric}
            ) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(attributes) }}
{%- endmacro %}
