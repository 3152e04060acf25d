{#- One row per day from 2020-01-01, twenty years long: the time spine MetricFlow joins
    time-based metrics to (declared in _semantic__models.yml). -#}
with

day_numbers as (

    {{ integer_sequence(7305) }}

),

final as (

    select
        cast(
            {{ dbt.dateadd('day', 'n - 1', "cast('2020-01-01' as date)") }} as date
        ) as date_day
    from day_numbers

)

select * from final
