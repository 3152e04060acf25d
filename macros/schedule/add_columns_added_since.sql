{% macro add_columns_added_since(added_columns) -%}
    {#- Pre-hook of a model kept across runs (lead_score_history, lead_score_changes): the
        migration of a record an earlier release wrote. Each column of `added_columns` (a
        mapping of name to SQL type) that the existing table lacks is added to it, null in
        the rows already recorded, so that `on_schema_change='fail'` finds the columns it
        expects and the record goes on from where it was. Renders nothing: it runs the
        ALTER itself, and nothing on a first run. -#}
    {%- if is_incremental() -%}
        {#- the relation as the warehouse lists it: `this` has no type, ALTER needs one -#}
        {%- set recorded = adapter.get_relation(this.database, this.schema, this.identifier) -%}
        {%- set existing = adapter.get_columns_in_relation(recorded)
            | map(attribute='name') | map('lower') | list -%}
        {%- set missing = [] -%}
        {%- for name, data_type in added_columns.items() if name | lower not in existing -%}
            {%- do missing.append(api.Column.create(name, data_type)) -%}
        {%- endfor -%}
        {%- if missing -%}
            {%- do alter_relation_add_remove_columns(recorded, missing, none) -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
