{#- The as-of dates the activity is scored at: the as-of date itself (0 days earlier) and
    the earlier dates the velocity and the calibration read (macro scoring_offsets). -#}

with

offsets as (

    {% for days_earlier in scoring_offsets() -%}
        select {{ days_earlier }} as days_earlier
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

scoring_run as (

    select {{ scoring_as_of_date() }} as as_of_date

),

final as (

    select
        offsets.days_earlier,
        cast(
            {{ dbt.dateadd('day', '-1 * offsets.days_earlier', 'scoring_run.as_of_date') }}
            as date
        ) as scored_as_of
    from offsets
    cross join scoring_run

)

select * from final
