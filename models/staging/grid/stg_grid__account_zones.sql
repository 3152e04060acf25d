with

source as (

    select * from {{ grid_seed('grid_account_zones') }}

),

final as (

    select
        trim(scoring_model) as scoring_model,
        {{ normalized_text('zone') }} as zone,
        cast(min_engaged_contacts as {{ dbt.type_int() }}) as min_engaged_contacts,
        cast(min_hot_contacts as {{ dbt.type_int() }}) as min_hot_contacts
    from source

)

select * from final
