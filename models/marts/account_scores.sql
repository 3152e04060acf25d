-- depends_on: {{ ref('int_grid_validation_issues') }}
-- (publishing waits for grid validation: an invalid grid fails the build first)

with

accounts as (

    select * from {{ ref('int_accounts_cleaned') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

graded as (

    select * from {{ ref('int_contact_points_graded') }}

),

criterion_points as (

    select * from {{ ref('int_contact_criterion_points') }}

),

grade_cells as (

    select * from {{ ref('int_scoring_model_grade_cells') }}

),

account_zones as (

    select * from {{ ref('int_grid_account_zones_ranked') }}

),

zone_ranks as (

    {{ zone_ranks() }}

),

contact_account_fit_points as (

    -- the fit points a contact earns from rules on its account's attributes
    select
        contact_id,
        scoring_model,
        sum(points) as account_fit_points
    from criterion_points
    where dimension = 'fit' and attribute like 'accounts.%'
    group by 1, 2

),

account_contacts as (

    select
        graded.account_id,
        graded.scoring_model,
        count(*) as contacts_scored,
        sum(case when graded.activity_points > 0 then 1 else 0 end) as engaged_contacts,
        sum(case when graded.is_mql then 1 else 0 end) as hot_contacts,
        sum(graded.activity_points) as activity_points,
        max(coalesce(contact_account_fit_points.account_fit_points, 0)) as account_fit_points,
        min(grade_cells.cell_rank) as best_cell_rank
    from graded
    inner join grade_cells
        on
            graded.scoring_model = grade_cells.scoring_model
            and graded.grade = grade_cells.grade
    left join contact_account_fit_points
        on
            graded.contact_id = contact_account_fit_points.contact_id
            and graded.scoring_model = contact_account_fit_points.scoring_model
    where graded.account_id is not null
    group by 1, 2

),

account_totals as (

    -- every account under every model, 0 where no contact of it is scored
    select
        accounts.account_id,
        scoring_models.scoring_model,
        coalesce(account_contacts.contacts_scored, 0) as contacts_scored,
        coalesce(account_contacts.engaged_contacts, 0) as engaged_contacts,
        coalesce(account_contacts.hot_contacts, 0) as hot_contacts,
        coalesce(account_contacts.activity_points, 0) as activity_points,
        coalesce(account_contacts.account_fit_points, 0) as account_fit_points,
        account_contacts.best_cell_rank
    from accounts
    cross join scoring_models
    left join account_contacts
        on
            accounts.account_id = account_contacts.account_id
            and scoring_models.scoring_model = account_contacts.scoring_model

),

zones_reached as (

    -- the buying-committee rule: the best zone whose minimums the account reaches
    select
        account_totals.account_id,
        account_totals.scoring_model,
        min(account_zones.zone_rank) as zone_rank
    from account_totals
    inner join account_zones
        on
            account_totals.scoring_model = account_zones.scoring_model
            and (
                account_zones.min_engaged_contacts is null
                or account_totals.engaged_contacts >= account_zones.min_engaged_contacts
            )
            and (
                account_zones.min_hot_contacts is null
                or account_totals.hot_contacts >= account_zones.min_hot_contacts
            )
    group by 1, 2

),

final as (

    select
        account_totals.account_id,
        account_totals.scoring_model,
        {{ scoring_as_of_date() }} as scored_as_of,
        cast(account_totals.contacts_scored as {{ dbt.type_int() }}) as contacts_scored,
        cast(account_totals.engaged_contacts as {{ dbt.type_int() }}) as engaged_contacts,
        cast(account_totals.hot_contacts as {{ dbt.type_int() }}) as hot_contacts,
        best_cells.grade as best_grade,
        cast(account_totals.activity_points as {{ dbt.type_int() }}) as activity_points,
        cast(account_totals.account_fit_points as {{ dbt.type_int() }}) as account_fit_points,
        zone_ranks.zone as account_zone
    from account_totals
    left join grade_cells as best_cells
        on
            account_totals.scoring_model = best_cells.scoring_model
            and account_totals.best_cell_rank = best_cells.cell_rank
    left join zones_reached
        on
            account_totals.account_id = zones_reached.account_id
            and account_totals.scoring_model = zones_reached.scoring_model
    left join zone_ranks
        on zones_reached.zone_rank = zone_ranks.zone_rank

)

select * from final
