with

source as (

    select * from {{ ref('country_codes') }}

),

final as (

    select distinct
        {{ normalized_text('country_name') }} as country_name,
        upper(trim(country_code)) as country_code
    from source
    where {{ normalized_text('country_name') }} is not null

)

select * from final
