{% macro add_columns_added_since(added_columns) -%}
    {#- Pre-hook of a model kept across runs (lead_score_history, lead_score_changes): the
        migration of a record an earlier release wrote. Each column of `added_columns` (a
        mapping of name to [SQL type, SQL value of the rows already recorded]) that the
        existing table lacks is added to it and set to that value in its rows, so that
        `on_schema_change='fail'` finds the columns it expects and the record goes on from
        where it was. Renders nothing: it runs the statements itself, and nothing on a first
        run or once the columns exist. -#}
    {%- if is_incremental() -%}
        {#- the relation as the warehouse lists it: `this` has no type, ALTER needs one -#}
        {%- set recorded = adapter.get_relation(this.database, this.schema, this.identifier) -%}
        {%- set existing = adapter.get_columns_in_relation(recorded)
            | map(attribute='name') | map('lower') | list -%}
        {%- set missing = {} -%}
        {%- for name, typed in added_columns.items() if name | lower not in existing -%}
            {%- do missing.update({name: typed}) -%}
        {%- endfor -%}
        {%- if missing -%}
            {%- set columns = [] -%}
            {%- for name, typed in missing.items() -%}
                {%- do columns.append(api.Column.create(name, typed[0])) -%}
            {%- endfor -%}
            {%- do alter_relation_add_remove_columns(recorded, columns, none) -%}
            {%- call statement('backfill_added_columns') -%}
                update {{ recorded }} set
                {%- for name, typed in missing.items() %}
                    {{ name }} = {{ typed[1] }}{{ ',' if not loop.last }}
                {%- endfor %}
            {%- endcall -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
