-- Every ride in fct_rides is one departure and one arrival in fct_station_daily_usage.
-- Returns a row (and fails) when the daily table lost or double-counted rides.

with rides as (

    select count(*) as ride_count from {{ ref('fct_rides') }}

),

daily_usage as (

    select
        sum(departures) as total_departures,
        sum(arrivals) as total_arrivals

    from {{ ref('fct_station_daily_usage') }}

)

select
    rides.ride_count,
    daily_usage.total_departures,
    daily_usage.total_arrivals

from rides
cross join daily_usage
where rides.ride_count <> daily_usage.total_departures
    or rides.ride_count <> daily_usage.total_arrivals
