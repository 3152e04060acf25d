{#- Everything wrong with the grid seeds, one row per problem. The test on this model fails
    the build with the list, and the marts wait for it: an invalid grid never replaces a
    published score. -#}
{%- set issue_models = [
    'int_grid_activity_issues',
    'int_grid_sequence_issues',
    'int_grid_rule_issues',
    'int_grid_fit_issues',
    'int_grid_band_issues',
    'int_grid_zone_issues',
    'int_grid_threshold_issues',
    'int_grid_model_issues',
    'int_grid_account_zone_issues',
] %}

with

{% for issue_model in issue_models -%}
    {{ issue_model }} as (

        select * from {{ ref(issue_model) }}

    ),

{% endfor -%}

all_issues as (

    {% for issue_model in issue_models -%}
        select
            grid_file,
            scoring_model,
            criterion,
            issue
        from {{ issue_model }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        grid_file,
        coalesce(scoring_model, '') as scoring_model,
        coalesce(criterion, '') as criterion,
        issue
    from all_issues

)

select * from final
