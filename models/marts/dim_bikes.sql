with bikes as (

    select * from {{ ref('stg_bikes') }}

),

rides as (

    select * from {{ ref('fct_rides') }}

),

maintenance as (

    select * from {{ ref('stg_maintenance_events') }}

),

ride_stats as (

    select
        bike_id,
        count(*) as total_rides,
        sum(duration_minutes) as total_ride_minutes,
        sum(distance_km) as total_distance_km,
        max(ended_at) as last_ride_ended_at

    from rides
    group by bike_id

),

maintenance_stats as (

    select
        bike_id,
        count(*) as maintenance_event_count,
        sum(case when {{ is_true('is_open') }} then 1 else 0 end) as open_ticket_count,
        sum(coalesce(cost, 0)) as total_maintenance_cost,
        max(reported_at) as last_maintenance_at

    from maintenance
    group by bike_id

),

final as (

    select
        bikes.bike_id,
        bikes.bike_type,
        bikes.bike_model,
        bikes.home_station_id,
        bikes.in_service_since,
        bikes.is_retired,
        bikes.battery_capacity_wh,
        coalesce(ride_stats.total_rides, 0) as total_rides,
        coalesce(ride_stats.total_ride_minutes, 0) as total_ride_minutes,
        coalesce(ride_stats.total_distance_km, 0) as total_distance_km,
        ride_stats.last_ride_ended_at,
        coalesce(maintenance_stats.maintenance_event_count, 0) as maintenance_event_count,
        coalesce(maintenance_stats.open_ticket_count, 0) as open_ticket_count,
        coalesce(maintenance_stats.total_maintenance_cost, 0) as total_maintenance_cost,
        maintenance_stats.last_maintenance_at

    from bikes
    left join ride_stats
        on bikes.bike_id = ride_stats.bike_id
    left join maintenance_stats
        on bikes.bike_id = maintenance_stats.bike_id

)

select * from final
