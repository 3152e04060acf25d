-- Totals reconcile: for each input table, the rows read equal the rows scored plus the rows
-- reported in scoring_data_quality. A row counted twice, or under no known reason, fails.
with

data_quality as (

    select * from {{ ref('scoring_data_quality') }}

),

contacts as (

    select * from {{ ref('stg_lead_scoring__contacts') }}

),

accounts as (

    select * from {{ ref('stg_lead_scoring__accounts') }}

),

events as (

    select * from {{ ref('stg_lead_scoring__events') }}

),

contact_attributes as (

    select * from {{ ref('stg_lead_scoring__contact_attributes') }}

),

rows_read as (

    select
        'contacts' as input_table,
        count(*) as row_count
    from contacts
    union all
    select
        'accounts' as input_table,
        count(*) as row_count
    from accounts
    union all
    select
        'events' as input_table,
        count(*) as row_count
    from events
    union all
    select
        'contact_attributes' as input_table,
        count(*) as row_count
    from contact_attributes

),

rows_accounted as (

    select
        input_table,
        sum(row_count) as row_count
    from data_quality
    group by input_table

)

select
    rows_read.input_table,
    rows_read.row_count as rows_read,
    rows_accounted.row_count as rows_scored_or_reported
from rows_read
left join rows_accounted
    on rows_read.input_table = rows_accounted.input_table
where rows_accounted.row_count is null or rows_read.row_count != rows_accounted.row_count
