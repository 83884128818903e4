with source as (

    select * from {{ source('raw', 'bikes') }}

),

renamed as (

    select
        cast(id as integer) as bike_id,
        -- The fleet system has accumulated several spellings of the same three types.
        case
            when lower(trim(type)) in ('electric', 'e-bike', 'ebike') then 'electric'
            else lower(trim(type))
        end as bike_type,
        trim(model) as bike_model,
        cast(in_service_since as date) as in_service_since,
        cast(home_station as integer) as home_station_id,
        cast(battery_wh as integer) as battery_capacity_wh,
        retired as is_retired

    from source

)

select * from renamed
