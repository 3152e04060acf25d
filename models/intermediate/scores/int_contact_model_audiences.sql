{#- Which contacts each scoring model scores: those that match every row of its audience in
    grid_model_audiences; a model with no audience row scores every contact. -#}
-- a table: criterion points, grades and a data test all read it
{{ config(materialized='table') }}

with

contacts as (

    select * from {{ ref('int_contacts_cleaned') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

grid_rules as (

    select * from {{ ref('int_grid_rules_split_into_values') }}

),

rule_matches as (

    select * from {{ ref('int_contact_rule_matches') }}

),

audience_sizes as (

    select
        scoring_model,
        count(distinct criterion) as audience_rows
    from grid_rules
    where rule_kind = 'audience'
    group by 1

),

audience_matches as (

    select
        contact_id,
        scoring_model,
        count(distinct criterion) as matched_rows
    from rule_matches
    where rule_kind = 'audience'
    group by 1, 2

),

final as (

    select
        contacts.contact_id,
        contacts.account_id,
        scoring_models.scoring_model
    from contacts
    cross join scoring_models
    left join audience_sizes
        on scoring_models.scoring_model = audience_sizes.scoring_model
    left join audience_matches
        on
            contacts.contact_id = audience_matches.contact_id
            and scoring_models.scoring_model = audience_matches.scoring_model
    where
        audience_sizes.audience_rows is null
        or audience_matches.matched_rows = audience_sizes.audience_rows

)

select * from final
