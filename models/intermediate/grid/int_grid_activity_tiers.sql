{#- The activity tiers in long form, one row per criterion and tier: the points in force
    from `min_event_count` matching events up to the next tier. The one place that reads the
    seed's tier columns: scoring and grid validation both read this model. -#}
{%- set tier_counts = [1, 2, 5, 10] -%}


with

activity_criteria as (

    select * from {{ ref('stg_grid__activity_criteria') }}

),

tiers as (

    -- a blank tier keeps the previous tier's points; a blank first tier is 0
    {% for count in tier_counts -%}
        select
            scoring_model,
            criterion,
            {{ count }} as min_event_count,
            coalesce(
                {% for earlier in tier_counts[:loop.index] | reverse -%}
                    points_{{ earlier }}_plus,
                {% endfor -%}
                0
            ) as points
        from activity_criteria
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        scoring_model,
        criterion,
        min_event_count,
        lead(min_event_count) over (
            partition by scoring_model, criterion
            order by min_event_count
        ) as next_min_event_count,
        points
    from tiers

)

select * from final
