{% test unique_combination_of_columns(model, combination_of_columns) %}
    {#- Fails with every combination of the columns that occurs more than once (the grain). -#}
    select
        {{ combination_of_columns | join(',\n        ') }},
        count(*) as row_count
    from {{ model }}
    group by {{ combination_of_columns | join(', ') }}
    having count(*) > 1
{% endtest %}
