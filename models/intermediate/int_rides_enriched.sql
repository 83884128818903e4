{#- Materialized as a table (the folder default is a view): four marts read it, and the
    distance arithmetic is worth doing once per build rather than once per query. -#}
{{ config(materialized='table') }}

with rides as (

    select * from {{ ref('stg_rides') }}

),

stations as (

    select * from {{ ref('stg_stations') }}

),

bikes as (

    select * from {{ ref('stg_bikes') }}

),

enriched as (

    select
        rides.ride_id,
        rides.bike_id,
        bikes.bike_type,
        rides.member_id,
        rides.rider_type,

        rides.start_station_id,
        start_station.station_name as start_station_name,
        start_station.district as start_district,
        rides.end_station_id,
        end_station.station_name as end_station_name,
        end_station.district as end_district,

        rides.started_at,
        rides.ended_at,
        cast(rides.started_at as date) as ride_date,
        {{ hour_of_day('rides.started_at') }} as start_hour,
        {{ iso_day_of_week('rides.started_at') }} as start_iso_weekday,
        rides.duration_minutes,
        rides.has_valid_duration,

        {{ as_boolean('rides.start_station_id = rides.end_station_id') }} as is_round_trip,
        rides.gps_distance_km,
        cast(
            {{ haversine_km('start_station.latitude', 'start_station.longitude',
                            'end_station.latitude', 'end_station.longitude') }}
            as decimal(8, 3)
        ) as straight_line_km

    from rides
    inner join bikes
        on rides.bike_id = bikes.bike_id
    inner join stations as start_station
        on rides.start_station_id = start_station.station_id
    -- Rides still under way have no end station yet.
    left join stations as end_station
        on rides.end_station_id = end_station.station_id

)

select * from enriched
