{#- One row per station and day with any departure or arrival. net_flow tells the rebalancing
    crew which docks fill up (positive) and which run empty (negative). -#}
{%- set bike_types = ['classic', 'electric', 'cargo'] -%}

with rides as (

    select * from {{ ref('fct_rides') }}

),

stations as (

    select * from {{ ref('stg_stations') }}

),

departures as (

    select
        start_station_id as station_id,
        ride_date as usage_date,
        count(*) as departures,
        {%- for bike_type in bike_types %}
        sum(case when bike_type = '{{ bike_type }}' then 1 else 0 end) as {{ bike_type }}_departures
        {%- if not loop.last %},{% endif %}
        {%- endfor %}

    from rides
    group by start_station_id, ride_date

),

arrivals as (

    select
        end_station_id as station_id,
        cast(ended_at as date) as usage_date,
        count(*) as arrivals

    from rides
    group by end_station_id, cast(ended_at as date)

),

station_days as (

    select
        coalesce(departures.station_id, arrivals.station_id) as station_id,
        coalesce(departures.usage_date, arrivals.usage_date) as usage_date,
        coalesce(departures.departures, 0) as departures,
        coalesce(arrivals.arrivals, 0) as arrivals,
        {%- for bike_type in bike_types %}
        coalesce(departures.{{ bike_type }}_departures, 0) as {{ bike_type }}_departures,
        {%- endfor %}
        coalesce(arrivals.arrivals, 0) - coalesce(departures.departures, 0) as net_flow

    from departures
    full outer join arrivals
        on departures.station_id = arrivals.station_id
        and departures.usage_date = arrivals.usage_date

),

final as (

    select
        concat(cast(station_days.station_id as varchar(10)), '|', cast(station_days.usage_date as varchar(10)))
            as station_day_id,
        station_days.station_id,
        stations.district,
        station_days.usage_date,
        {{ as_boolean(iso_day_of_week('station_days.usage_date') ~ ' >= 6') }} as is_weekend,
        station_days.departures,
        station_days.arrivals,
        {%- for bike_type in bike_types %}
        station_days.{{ bike_type }}_departures,
        {%- endfor %}
        station_days.net_flow

    from station_days
    inner join stations
        on station_days.station_id = stations.station_id

)

select * from final
