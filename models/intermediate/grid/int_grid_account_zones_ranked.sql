{#- The buying-committee rule set of grid_account_zones, each zone with its rank (1 = hot,
    the best), so that account scoring picks the best zone an account reaches. A zone name
    that is not hot, warm or cold has no row (int_grid_zone_issues reports it). -#}
with

account_zones as (

    select * from {{ ref('stg_grid__account_zones') }}

),

zone_ranks as (

    {{ zone_ranks() }}

),

final as (

    select
        account_zones.scoring_model,
        account_zones.zone,
        zone_ranks.zone_rank,
        account_zones.min_engaged_contacts,
        account_zones.min_hot_contacts
    from account_zones
    inner join zone_ranks
        on account_zones.zone = zone_ranks.zone

)

select * from final
