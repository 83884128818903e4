with stations as (

    select * from {{ ref('stg_stations') }}

),

bikes as (

    select * from {{ ref('stg_bikes') }}

),

rides as (

    select * from {{ ref('fct_rides') }}

),

home_bikes as (

    select
        home_station_id as station_id,
        count(*) as home_bike_count

    from bikes
    where not ({{ is_true('is_retired') }})
    group by home_station_id

),

departures as (

    select
        start_station_id as station_id,
        count(*) as total_departures,
        min(started_at) as first_departure_at,
        max(started_at) as last_departure_at

    from rides
    group by start_station_id

),

arrivals as (

    select
        end_station_id as station_id,
        count(*) as total_arrivals

    from rides
    group by end_station_id

),

final as (

    select
        stations.station_id,
        stations.station_name,
        stations.district,
        stations.postal_code,
        stations.latitude,
        stations.longitude,
        stations.dock_capacity,
        stations.is_active,
        stations.opened_on,
        -- Cast to the contract's bigint: count(*) is BIGINT on DuckDB but int on SQL Server.
        cast(coalesce(home_bikes.home_bike_count, 0) as bigint) as home_bike_count,
        cast(coalesce(departures.total_departures, 0) as bigint) as total_departures,
        cast(coalesce(arrivals.total_arrivals, 0) as bigint) as total_arrivals,
        departures.first_departure_at,
        departures.last_departure_at

    from stations
    left join home_bikes
        on stations.station_id = home_bikes.station_id
    left join departures
        on stations.station_id = departures.station_id
    left join arrivals
        on stations.station_id = arrivals.station_id

)

select * from final
