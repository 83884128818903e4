with source as (

    select * from {{ source('raw', 'rides') }}

),

-- The ride export occasionally repeats a row verbatim; keep one per ride_id.
deduplicated as (

    select
        *,
        row_number() over (partition by ride_id order by started_at) as row_num

    from source

),

renamed as (

    select
        cast(ride_id as integer) as ride_id,
        cast(bike_id as integer) as bike_id,
        cast(member_id as integer) as member_id,
        case when member_id is null then 'casual' else 'member' end as rider_type,
        cast(start_station_id as integer) as start_station_id,
        cast(end_station_id as integer) as end_station_id,
        cast(started_at as {{ type_timestamp() }}) as started_at,
        cast(ended_at as {{ type_timestamp() }}) as ended_at,
        {{ duration_minutes('started_at', 'ended_at') }} as duration_minutes,
        -- False for rides still under way at export time and for the few whose dock clock ran backwards.
        {{ as_boolean('ended_at is not null and ended_at > started_at') }} as has_valid_duration,
        -- Only e-bikes and cargo bikes carry GPS.
        cast(distance_m / 1000.0 as decimal(8, 3)) as gps_distance_km

    from deduplicated
    where row_num = 1

)

select * from renamed
