{% test relationships_by_columns(model, to, columns) %}
    {#- dbt's `relationships` test on a key of several columns: fails with every combination
        of `columns` in the model that `to` has no row with. The columns have the same names
        in both relations. -#}
    select distinct
        {% for column in columns -%}
            child.{{ column }}{{ ',' if not loop.last }}
        {% endfor -%}
    from {{ model }} as child
    where not exists (
        select null
        from {{ to }} as parent
        where
            {% for column in columns -%}
                child.{{ column }} = parent.{{ column }}
                {%- if not loop.last %} and {% endif %}
            {% endfor %}
    )
{% endtest %}
