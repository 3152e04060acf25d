{% macro audience_members(contacts, scoring_models, grid_rules, rule_matches, days) -%}
    {#- The contacts each scoring model scores as of `days` days before the as-of date (a
        select over the four relations named): those that match every row of its audience in
        grid_model_audiences, lead.is_customer as of that date and the attributes without
        history as they are; a model with no audience row scores every contact. The one
        place of the audience rule. -#}
    select
        {{ contacts }}.contact_id,
        {{ contacts }}.account_id,
        {{ scoring_models }}.scoring_model
    from {{ contacts }}
    cross join {{ scoring_models }}
    left join (
        select
            scoring_model,
            count(distinct criterion) as audience_rows
        from {{ grid_rules }}
        where rule_kind = 'audience'
        group by 1
    ) as audience_sizes
        on {{ scoring_models }}.scoring_model = audience_sizes.scoring_model
    left join (
        select
            contact_id,
            scoring_model,
            count(distinct criterion) as matched_rows
        from {{ rule_matches }}
        where rule_kind = 'audience' and {{ is_attribute_value_as_of('days_earlier', days) }}
        group by 1, 2
    ) as audience_matches
        on
            {{ contacts }}.contact_id = audience_matches.contact_id
            and {{ scoring_models }}.scoring_model = audience_matches.scoring_model
    where
        audience_sizes.audience_rows is null
        or audience_matches.matched_rows = audience_sizes.audience_rows
{%- endmacro %}
