-- One row per completed ride since the public launch; built as {{ this }}.
-- Pilot-week rides, rides still under way and rides with a broken dock clock stay in stg_rides only.

with rides as (

    select * from {{ ref('int_rides_enriched') }}
    where {{ is_true('has_valid_duration') }}
        and started_at >= cast('{{ var("reporting_start_date") }}' as date)

),

ride_payments as (

    select
        ride_id,
        sum(case when payment_status = 'succeeded' then amount else 0 end) as ride_revenue,
        sum(case when payment_status = 'refunded' then amount else 0 end) as refunded_amount

    from {{ ref('stg_payments') }}
    where ride_id is not null
    group by ride_id

),

final as (

    select
        rides.ride_id,
        rides.bike_id,
        rides.bike_type,
        rides.member_id,
        rides.rider_type,
        rides.start_station_id,
        rides.start_district,
        rides.end_station_id,
        rides.end_district,
        rides.started_at,
        rides.ended_at,
        rides.ride_date,
        {{ month_start('rides.ride_date') }} as ride_month,
        rides.start_hour,
        rides.start_iso_weekday,
        rides.duration_minutes,
        rides.is_round_trip,
        {{ as_boolean('rides.duration_minutes > ' ~ var('included_ride_minutes')) }} as is_overtime,
        -- Prefer the GPS track; classic bikes only have the station-to-station line.
        coalesce(rides.gps_distance_km, rides.straight_line_km) as distance_km,
        coalesce(ride_payments.ride_revenue, 0) as ride_revenue,
        coalesce(ride_payments.refunded_amount, 0) as refunded_amount,
        '{{ var("currency") }}' as currency_code

    from rides
    left join ride_payments
        on rides.ride_id = ride_payments.ride_id

)

select * from final
