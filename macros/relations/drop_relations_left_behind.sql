{% macro drop_relations_left_behind(dry_run=true) -%}
    {#- Run with `dbt run-operation drop_relations_left_behind`: lists the relations of the
        target's schema that this project's models and seeds built there before they moved
        beside it (version 0.1 built staging, intermediate and the grid seeds next to the
        marts); with `--args '{dry_run: false}'` it drops them. A relation of that name that
        some node still builds in the target's schema is never touched. -#}
    {%- set built_here = [] -%}
    {%- set moved = [] -%}
    {%- for node in graph.nodes.values() if node.resource_type in ['model', 'seed', 'snapshot'] -%}
        {%- if node.schema | lower == target.schema | lower -%}
            {%- do built_here.append(node.alias | lower) -%}
        {%- elif node.package_name == project_name -%}
            {%- do moved.append(node.alias) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for identifier in moved | sort if identifier | lower not in built_here -%}
        {%- set relation = adapter.get_relation(target.database, target.schema, identifier) -%}
        {%- if relation is not none and dry_run -%}
            {{ log('would drop ' ~ relation.type ~ ' ' ~ relation, info=true) }}
        {%- elif relation is not none -%}
            {{ log('dropping ' ~ relation.type ~ ' ' ~ relation, info=true) }}
            {%- do adapter.drop_relation(relation) -%}
        {%- endif -%}
    {%- endfor -%}
    {#- a run-operation's statements are committed only when it says so -#}
    {%- if not dry_run -%}
        {%- do adapter.commit() -%}
    {%- endif -%}
{%- endmacro %}
