{% macro drop_relations_left_behind(dry_run=true) -%}
    {#- Run with `dbt run-operation drop_relations_left_behind`: lists the relations an
        earlier version of this project built that no node builds now, with
        `--args '{dry_run: false}'` drops them. Two kinds: in the target's schema, those
        of this project's models and seeds that moved beside it (version 0.1 built staging,
        intermediate and the grid seeds next to the marts); in this project's own layer
        schemas (`<schema>_staging`, `<schema>_intermediate`, `<schema>_crm`, ...: those its
        nodes build in), every relation no node builds, such as the views renamed since. A
        relation some node builds is never touched, nor any schema this project builds
        nothing in. -#}
    {#- this project's name, also when another project installs it as a package -#}
    {%- set package_name = 'lead_scoring' -%}
    {%- set built = {} -%}
    {%- set layer_schemas = {} -%}
    {%- set moved = [] -%}
    {%- for node in graph.nodes.values() if node.resource_type in ['model', 'seed', 'snapshot'] -%}
        {%- set schema_key = node.schema | lower -%}
        {%- if schema_key not in built -%}
            {%- do built.update({schema_key: []}) -%}
        {%- endif -%}
        {%- do built[schema_key].append(node.alias | lower) -%}
        {%- if node.package_name == package_name and schema_key != target.schema | lower -%}
            {%- do moved.append(node.alias) -%}
            {%- do layer_schemas.update({schema_key: api.Relation.create(
                database=node.database, schema=node.schema
            )}) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set left_behind = [] -%}
    {%- for identifier in moved | unique | sort
        if identifier | lower not in built.get(target.schema | lower, []) -%}
        {%- set relation = adapter.get_relation(target.database, target.schema, identifier) -%}
        {%- if relation is not none -%}
            {%- do left_behind.append(relation) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for schema_key, schema in layer_schemas | dictsort -%}
        {%- for identifier in schema_relation_names(schema.database, schema.schema) | sort
            if identifier not in built[schema_key] -%}
            {%- set relation = adapter.get_relation(schema.database, schema.schema, identifier) -%}
            {%- if relation is not none -%}
                {%- do left_behind.append(relation) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- for relation in left_behind -%}
        {%- if dry_run -%}
            {{ log('would drop ' ~ relation.type ~ ' ' ~ relation, info=true) }}
        {%- else -%}
            {{ log('dropping ' ~ relation.type ~ ' ' ~ relation, info=true) }}
            {%- do adapter.drop_relation(relation) -%}
        {%- endif -%}
    {%- endfor -%}
    {#- a run-operation's statements are committed only when it says so -#}
    {%- if not dry_run -%}
        {%- do adapter.commit() -%}
    {%- endif -%}
{%- endmacro %}
