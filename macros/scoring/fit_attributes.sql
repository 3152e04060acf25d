{% macro fit_attributes() -%}
    {#- The contact and account columns a fit rule or an audience row may test, named
        `table.column` in the grid, as a list of `{table, column, is_numeric}`: the input
        contract's columns, then any other column the source tables have (read from the
        warehouse's catalog at compile time). Numeric columns are compared as numbers by
        `between`; text columns are parsed. `attributes.<name>` and `lead.is_customer` are
        not columns: int_contact_attribute_values_tested adds them. -#}
    {%- set attributes = [
        {'table': 'contacts', 'column': 'account_id', 'is_numeric': false},
        {'table': 'contacts', 'column': 'email', 'is_numeric': false},
        {'table': 'contacts', 'column': 'job_title', 'is_numeric': false},
        {'table': 'contacts', 'column': 'phone', 'is_numeric': false},
        {'table': 'contacts', 'column': 'country', 'is_numeric': false},
        {'table': 'contacts', 'column': 'is_decision_maker', 'is_numeric': false},
        {'table': 'contacts', 'column': 'lead_source', 'is_numeric': false},
        {'table': 'accounts', 'column': 'account_name', 'is_numeric': false},
        {'table': 'accounts', 'column': 'domain', 'is_numeric': false},
        {'table': 'accounts', 'column': 'industry', 'is_numeric': false},
        {'table': 'accounts', 'column': 'employee_count', 'is_numeric': true},
        {'table': 'accounts', 'column': 'annual_revenue', 'is_numeric': true},
        {'table': 'accounts', 'column': 'country', 'is_numeric': false},
    ] -%}
    {%- for table in ['contacts', 'accounts'] -%}
        {%- for column in source_extra_columns(table) -%}
            {%- do attributes.append(
                {'table': table, 'column': column.name, 'is_numeric': column.is_numeric}
            ) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(attributes) }}
{%- endmacro %}
