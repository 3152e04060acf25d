{#- Which contacts each scoring model scored at the calibration window's start
    (conversion_horizon_days before the as-of date, SPEC section 8): its audience with
    lead.is_customer as of that date, so that a prospects-only model's window holds the
    prospects that have converted since. -#}
-- a table kept across runs (rescored_model_config): the earlier scores and the calibration both
-- read it
{{ config(**lead_scoring.rescored_model_config()) }}
{%- set since = lead_scoring.rescore_since() %}

with

contacts as (

    select * from {{ ref('int_contacts_cleaned') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

grid_rules as (

    select * from {{ ref('int_grid_rules_split_into_values') }}

),

rule_matches as (

    select * from {{ ref('int_contact_rule_matches') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

final as (

    {{ audience_members(
        'contacts', 'scoring_models', 'grid_rules', 'rule_matches', conversion_horizon_days()
    ) }}

)

select
    *,
    {{ lead_scoring.run_timestamp() }} as rescored_at
from final
