with

rule_matches as (

    select * from {{ ref('int_contact_rule_matches') }}

),

fit_rules as (

    select * from {{ ref('stg_grid__fit_rules') }}

),

criterion_caps as (

    -- a fit criterion of positive rows is worth at most its best row, one of negative rows
    -- at least its worst; a criterion mixing signs has no single bound
    select
        scoring_model,
        criterion,
        case
            when min(points) >= 0 then max(points)
            when max(points) <= 0 then min(points)
        end as max_points
    from fit_rules
    group by 1, 2

),

ranked as (

    -- when several rows of one criterion match, the row with the highest points counts
    select
        *,
        row_number() over (
            partition by contact_id, scoring_model, criterion
            order by points desc, display_order asc, label asc
        ) as match_rank
    from rule_matches
    where rule_kind = 'fit' and {{ is_attribute_value_as_of('days_earlier', 0) }}

),

final as (

    select
        ranked.contact_id,
        ranked.scoring_model,
        'fit' as dimension,
        ranked.criterion,
        ranked.label,
        ranked.display_order,
        cast(null as {{ dbt.type_int() }}) as event_count,
        cast(null as date) as last_event_on,
        cast(1.0 as {{ number_type() }}) as decay_factor,
        ranked.points as uncapped_points,
        ranked.points,
        criterion_caps.max_points,
        ranked.attribute
    from ranked
    inner join criterion_caps
        on
            ranked.scoring_model = criterion_caps.scoring_model
            and ranked.criterion = criterion_caps.criterion
    where ranked.match_rank = 1

)

select * from final
