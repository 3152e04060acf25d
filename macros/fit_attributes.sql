{% macro fit_attributes() -%}
    {#- The input-contract attributes a fit rule may test, named `table.column` in the grid.
        Numeric attributes are also compared as numbers (for `between`). -#}
    {{ return([
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
    ]) }}
{%- endmacro %}
