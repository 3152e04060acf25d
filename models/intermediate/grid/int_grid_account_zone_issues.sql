{#- Problems of grid_account_zones: a zone listed twice, a negative minimum, a model with
    account zones but no cold row with blank minimums (int_grid_zone_issues checks the zone
    names). -#}
with

account_zones as (

    select * from {{ ref('stg_grid__account_zones') }}

),

account_zone_issues as (

    {{ grid_rows_listed_twice(
        'account_zones',
        ['scoring_model', 'zone'],
        "'account zone is listed more than once'",
        criterion='zone',
    ) }}

    union all

    select
        scoring_model,
        'cold' as criterion,
        'a model with account zones needs a cold row with blank minimums' as issue
    from account_zones
    group by scoring_model
    having
        sum(
            case
                when
                    zone = 'cold'
                    and min_engaged_contacts is null
                    and min_hot_contacts is null
                    then 1
                else 0
            end
        ) = 0

    union all

    select
        scoring_model,
        zone as criterion,
        'minimum contacts must not be negative' as issue
    from account_zones
    where min_engaged_contacts < 0 or min_hot_contacts < 0

),

final as (

    select
        'grid_account_zones' as grid_file,
        scoring_model,
        criterion,
        issue
    from account_zone_issues

)

select * from final
