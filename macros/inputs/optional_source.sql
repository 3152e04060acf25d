{% macro optional_source(table_name) -%}
    {#- The relation of an input table (e.g. the optional contact_attributes) when it exists
        in the warehouse, else none, for a model that reads its catalog (its columns, its
        presence) rather than its rows: a contract-shaped table is looked up by the
        `lead_scoring` source's name without making the model depend on the source (the
        lineage shows the models that read rows); a CRM layer's model is a ref, so that
        it is built before its catalog is read. -#}
    {%- if input_crm() is not none -%}
        {%- set relation = input_relation(table_name) -%}
        {%- if relation is none or not execute -%}
            {{ return(none) }}
        {%- endif -%}
        {{ return(adapter.get_relation(relation.database, relation.schema, relation.identifier)) }}
    {%- endif -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- for node in graph.sources.values()
        if node.source_name == 'lead_scoring' and node.name == table_name -%}
        {{ return(adapter.get_relation(node.database, node.schema, node.identifier)) }}
    {%- endfor -%}
    {{ return(none) }}
{%- endmacro %}
