{#- Problems of the fit grid: operators, attributes outside the input contract, values
    an operator cannot read, blank points or labels, duplicate rules and criterion names. -#}
{%- set max_list_items = 100 -%}

with

fit_rules as (

    select * from {{ ref('stg_grid__fit_rules') }}

),

activity_criteria as (

    select * from {{ ref('stg_grid__activity_criteria') }}

),

known_attributes as (

    {% for attribute in fit_attributes() -%}
        select '{{ attribute.table }}.{{ attribute.column }}' as attribute
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

fit_rules_parsed as (

    select
        *,
        length(value) - length(replace(value, '|', '')) + 1 as item_count,
        {{ text_to_number(split_item('value', '|', 1)) }}
            as min_number,
        {{ text_to_number(split_item('value', '|', 2)) }}
            as max_number
    from fit_rules

),

fit_issues as (

    select distinct
        scoring_model,
        criterion,
        'unknown operator "' || coalesce(operator, '') || '" (expected one of equals, in, '
        || 'between, contains_any, is_present, email_domain_in)' as issue
    from fit_rules
    where
        operator is null
        or operator not in (
            'equals', 'in', 'between', 'contains_any', 'is_present', 'email_domain_in'
        )

    union all

    select distinct
        fit_rules.scoring_model,
        fit_rules.criterion,
        'attribute "' || coalesce(fit_rules.attribute, '') || '" is not in the input contract'
            as issue
    from fit_rules
    left join known_attributes
        on fit_rules.attribute = known_attributes.attribute
    where known_attributes.attribute is null

    union all

    select distinct
        scoring_model,
        criterion,
        'between value "' || coalesce(value, '') || '" is not two numbers min|max' as issue
    from fit_rules_parsed
    where
        operator = 'between'
        and (
            value is null
            or item_count != 2
            or min_number is null
            or max_number is null
            or min_number > max_number
        )

    union all

    select distinct
        scoring_model,
        criterion,
        operator || ' needs a value' as issue
    from fit_rules
    where
        operator in ('equals', 'in', 'contains_any', 'email_domain_in')
        and value is null

    union all

    select distinct
        scoring_model,
        criterion,
        operator || ' lists more than {{ max_list_items }} values' as issue
    from fit_rules_parsed
    where
        operator in ('in', 'contains_any', 'email_domain_in')
        and item_count > {{ max_list_items }}

    union all

    select distinct
        scoring_model,
        criterion,
        'points or label is blank' as issue
    from fit_rules
    where points is null or label is null or label = ''

    union all

    select
        scoring_model,
        criterion,
        'the same rule is listed more than once' as issue
    from fit_rules
    group by scoring_model, criterion, attribute, operator, value
    having count(*) > 1

    union all

    select distinct
        fit_rules.scoring_model,
        fit_rules.criterion,
        'criterion name is used by both an activity and a fit criterion' as issue
    from fit_rules
    inner join activity_criteria
        on
            fit_rules.scoring_model = activity_criteria.scoring_model
            and fit_rules.criterion = activity_criteria.criterion

),

final as (

    select
        'grid_fit_rules' as grid_file,
        scoring_model,
        criterion,
        issue
    from fit_issues

)

select * from final
