-- The `{scoring_model}` model of the lead-scoring grid, scored in one hand-written DuckDB
-- query, as an analyst would write it without the dbt project: the grid's CSV files are
-- its configuration, the warehouse's contacts, accounts and events its input.
-- bench/benchmark.py fills in the placeholders and checks the rows equal `lead_scores`.
with

criteria as (
    select *
    from
        read_csv('{grid_dir}/grid_activity_criteria.csv', header = true, types = {{
            'points_1_plus': 'integer', 'points_2_plus': 'integer', 'points_5_plus': 'integer',
            'points_10_plus': 'integer', 'max_points': 'integer', 'lookback_days': 'integer',
            'decay_half_life_days': 'double'
        }})
    where scoring_model = '{scoring_model}'
),

match_rules as (
    select
        criterion,
        lower(trim(event_type)) as event_type,
        lower(trim(subject_pattern)) as subject_pattern
    from read_csv('{grid_dir}/grid_activity_match_rules.csv', header = true, all_varchar = true)
    where scoring_model = '{scoring_model}'
),

fit_rules as (
    select
        criterion,
        attribute,
        operator,
        points,
        list_transform(string_split(lower(value), '|'), lambda item: trim(item)) as items
    from read_csv('{grid_dir}/grid_fit_rules.csv', header = true, types = {{ 'points': 'integer' }})
    where scoring_model = '{scoring_model}'
),

bands as (
    select *
    from
        read_csv(
            '{grid_dir}/grid_grade_bands.csv', header = true,
            types = {{ 'grade': 'varchar', 'min_points': 'integer' }}
        )
    where scoring_model = '{scoring_model}'
),

zones as (
    unpivot (
        select *
        from read_csv('{grid_dir}/grid_zone_matrix.csv', header = true)
        where scoring_model = '{scoring_model}'
    )
    on activity_1, activity_2, activity_3, activity_4
    into name activity_column value zone
),

-- a contact exported twice keeps its latest version
contacts as (
    select distinct on (trim(contact_id))
        trim(contact_id) as contact_id,
        nullif(trim(account_id), '') as account_id,
        email,
        job_title,
        phone,
        is_decision_maker
    from {input_schema}.contacts
    where nullif(trim(contact_id), '') is not null
    order by
        trim(contact_id),
        updated_at desc nulls last,
        created_at desc nulls last,
        trim(email),
        trim(job_title)
),

-- an event delivered twice counts once, as its earliest delivery
deliveries as (
    select
        trim(event_id) as event_id,
        arg_min(
            struct_pack(
                contact_id := trim(contact_id),
                event_type := lower(trim(event_type)),
                subject := lower(trim(subject)),
                occurred_on := cast(occurred_at as date)
            ),
            row(occurred_at, trim(contact_id), lower(trim(event_type)), trim(subject))
        ) as delivery
    from {input_schema}.events
    where cast(occurred_at as date) <= date '{as_of}' and nullif(trim(event_id), '') is not null
    group by trim(event_id)
),

events as (
    select
        event_id,
        -- the delivery's fields, under their own names
        unnest(delivery)  -- noqa: AL03
    from deliveries
),

counted as (
    select
        events.contact_id,
        criteria.criterion,
        count(distinct events.event_id) as n,
        max(events.occurred_on) as last_on
    from events
    inner join contacts on events.contact_id = contacts.contact_id
    inner join match_rules
        on
            events.event_type = match_rules.event_type
            and (
                match_rules.subject_pattern is null
                or events.subject like match_rules.subject_pattern
            )
    inner join criteria on match_rules.criterion = criteria.criterion
    where
        criteria.lookback_days is null
        or date '{as_of}' - events.occurred_on < criteria.lookback_days
    group by all
),

tiered as (
    -- the highest tier reached; a blank tier keeps the one below
    select
        counted.*,
        coalesce(
            case when counted.n >= 10 then criteria.points_10_plus end,
            case when counted.n >= 5 then criteria.points_5_plus end,
            case when counted.n >= 2 then criteria.points_2_plus end,
            criteria.points_1_plus,
            0
        ) as tier_points
    from counted
    inner join criteria on counted.criterion = criteria.criterion
),

activity as (
    select
        tiered.contact_id,
        -- capped (a negative cap is a floor), then decayed
        sum(trunc(
            case
                when criteria.max_points >= 0
                    then least(tiered.tier_points, criteria.max_points)
                else greatest(tiered.tier_points, criteria.max_points)
            end
            * coalesce(
                pow(0.5, (date '{as_of}' - tiered.last_on) / criteria.decay_half_life_days), 1
            )
        )) as activity_points
    from tiered
    inner join criteria on tiered.criterion = criteria.criterion
    group by all
),

attribute_values as (
    select
        contacts.contact_id,
        fit_rules.*,
        nullif(lower(trim(case fit_rules.attribute
            when 'contacts.email' then contacts.email
            when 'contacts.job_title' then contacts.job_title
            when 'contacts.phone' then contacts.phone
            when 'contacts.is_decision_maker' then cast(contacts.is_decision_maker as varchar)
            when 'accounts.industry' then companies.industry
            when 'accounts.employee_count' then cast(companies.employee_count as varchar)
            when 'accounts.annual_revenue' then cast(companies.annual_revenue as varchar)
            when 'accounts.country' then companies.country
        end)), '') as attribute_value
    from contacts
    left join {input_schema}.accounts as companies
        on contacts.account_id = trim(companies.account_id)
    cross join fit_rules
),

fit_matches as (
    -- when several rows of a criterion match, the highest points count
    select
        contact_id,
        criterion,
        max(points) as points
    from attribute_values
    where
        case operator
            when 'equals' then attribute_value = items[1]
            when 'in' then list_contains(items, attribute_value)
            when 'between'
                then
                    try_cast(attribute_value as double)
                    between cast(items[1] as double) and cast(items[2] as double)
            when 'contains_any'
                then len(list_filter(items, lambda item: contains(attribute_value, item))) > 0
            when 'is_present' then attribute_value is not null
            when 'email_domain_in'
                then list_contains(items, trim(split_part(attribute_value, '@', 2)))
        end
    group by all
),

fit as (
    select
        contact_id,
        sum(points) as fit_points
    from fit_matches
    group by contact_id
),

points as (
    select
        contacts.contact_id,
        coalesce(fit.fit_points, 0) as fit_points,
        coalesce(activity.activity_points, 0) as activity_points
    from contacts
    left join fit on contacts.contact_id = fit.contact_id
    left join activity on contacts.contact_id = activity.contact_id
),

graded as (
    -- per dimension, the grade of the highest band minimum reached (blank = the floor)
    select
        points.contact_id,
        points.fit_points,
        points.activity_points,
        arg_max(bands.grade, coalesce(bands.min_points, -1e18))
        filter (where bands.dimension = 'fit') as fit_grade,
        arg_max(bands.grade, coalesce(bands.min_points, -1e18))
        filter (where bands.dimension = 'activity') as activity_grade
    from points
    inner join bands
        on
            bands.min_points is null
            or bands.min_points <= case bands.dimension
                when 'fit' then points.fit_points else points.activity_points
            end
    group by all
)

select
    graded.contact_id,
    graded.fit_points,
    graded.activity_points,
    graded.fit_grade,
    graded.activity_grade,
    graded.fit_grade || graded.activity_grade as grade,
    zones.zone,
    zones.zone = 'hot' as is_mql
from graded
inner join zones
    on
        graded.fit_grade = zones.fit_grade
        and zones.activity_column = 'activity_' || graded.activity_grade
