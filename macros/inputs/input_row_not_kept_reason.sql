{% macro input_row_not_kept_reason(table_name, rows='') -%}
    {#- SQL expression: why a staged row of an input table is not the one kept per key, or
        null for the row kept (its key given, version rank 1). The cleaned model keeps the
        rows where it is null; the rows-classified model reports the others by it. -#}
    {%- set rules = {
        'contacts': {
            'keys': ['contact_id'], 'superseded': 'duplicate_contact_superseded'},
        'accounts': {
            'keys': ['account_id'], 'superseded': 'duplicate_account_id'},
        'contact_attributes': {
            'keys': ['contact_id', 'attribute'], 'superseded': 'superseded_attribute_value'},
    } -%}
    {%- set rule = rules[table_name] -%}
    {%- set prefix = rows ~ '.' if rows else '' -%}
    case
        {%- for key in rule['keys'] %}
            when {{ prefix }}{{ key }} is null then 'missing_{{ key }}'
        {%- endfor %}
            when {{ prefix }}version_rank > 1 then '{{ rule["superseded"] }}'
        end
{%- endmacro %}
