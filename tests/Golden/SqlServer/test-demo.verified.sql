SET XACT_ABORT ON;

with value_counts as (
    select age_band as value_field, count(*) as n_records
    from [bikeshare].[dbo_marts].[dim_members]
    group by age_band
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select *
from value_counts
where value_field not in (N'under 25', N'25-39', N'40-59', N'60+', N'unknown')
) dbt_internal_test;

with value_counts as (
    select membership_plan as value_field, count(*) as n_records
    from [bikeshare].[dbo_marts].[dim_members]
    group by membership_plan
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select *
from value_counts
where value_field not in (N'annual', N'monthly', N'day_pass')
) dbt_internal_test;

with value_counts as (
    select bike_type as value_field, count(*) as n_records
    from [bikeshare].[dbo_marts].[fct_rides]
    group by bike_type
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select *
from value_counts
where value_field not in (N'classic', N'electric', N'cargo')
) dbt_internal_test;

with value_counts as (
    select value_tier as value_field, count(*) as n_records
    from [bikeshare].[dbo_marts].[member_lifetime_value]
    group by value_tier
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select *
from value_counts
where value_field not in (N'high', N'medium', N'low')
) dbt_internal_test;

with value_counts as (
    select bike_type as value_field, count(*) as n_records
    from [bikeshare].[dbo_staging].[stg_bikes]
    group by bike_type
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select *
from value_counts
where value_field not in (N'classic', N'electric', N'cargo')
) dbt_internal_test;

with value_counts as (
    select event_type as value_field, count(*) as n_records
    from [bikeshare].[dbo_staging].[stg_maintenance_events]
    group by event_type
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select *
from value_counts
where value_field not in (N'inspection', N'flat_tire', N'brake_repair', N'chain_repair', N'battery_swap')
) dbt_internal_test;

with value_counts as (
    select membership_plan as value_field, count(*) as n_records
    from [bikeshare].[dbo_staging].[stg_members]
    group by membership_plan
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select *
from value_counts
where value_field not in (N'annual', N'monthly', N'day_pass')
) dbt_internal_test;

with value_counts as (
    select currency_code as value_field, count(*) as n_records
    from [bikeshare].[dbo_staging].[stg_payments]
    group by currency_code
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select *
from value_counts
where value_field not in (N'EUR')
) dbt_internal_test;

with value_counts as (
    select payment_method as value_field, count(*) as n_records
    from [bikeshare].[dbo_staging].[stg_payments]
    group by payment_method
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select *
from value_counts
where value_field not in (N'card', N'apple_pay', N'google_pay', N'wallet')
) dbt_internal_test;

with value_counts as (
    select payment_status as value_field, count(*) as n_records
    from [bikeshare].[dbo_staging].[stg_payments]
    group by payment_status
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select *
from value_counts
where value_field not in (N'succeeded', N'failed', N'refunded')
) dbt_internal_test;

with value_counts as (
    select payment_type as value_field, count(*) as n_records
    from [bikeshare].[dbo_staging].[stg_payments]
    group by payment_type
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select *
from value_counts
where value_field not in (N'membership_fee', N'day_pass', N'ride_fee')
) dbt_internal_test;

with value_counts as (
    select rider_type as value_field, count(*) as n_records
    from [bikeshare].[dbo_staging].[stg_rides]
    group by rider_type
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select *
from value_counts
where value_field not in (N'member', N'casual')
) dbt_internal_test;

with value_counts as (
    select district as value_field, count(*) as n_records
    from [bikeshare].[dbo_staging].[stg_stations]
    group by district
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select *
from value_counts
where value_field not in (N'Old Town', N'Harborfront', N'University', N'Riverside', N'Market Hill', N'Northgate')
) dbt_internal_test;

-- Finance signs off member_lifetime_value against the payment provider: the members' total
-- must equal the succeeded member payments in staging, to the cent.

with lifetime as (

    select sum(lifetime_value) as total_lifetime_value
    from [bikeshare].[dbo_marts].[member_lifetime_value]

),

payments as (

    select sum(amount) as total_paid
    from [bikeshare].[dbo_staging].[stg_payments]
    where member_id is not null
        and payment_status = 'succeeded'

)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select
    lifetime.total_lifetime_value,
    payments.total_paid

from lifetime
cross join payments
where lifetime.total_lifetime_value <> payments.total_paid
) dbt_internal_test;

-- Every ride in fct_rides is one departure and one arrival in fct_station_daily_usage.
-- Returns a row (and fails) when the daily table lost or double-counted rides.

with rides as (

    select count(*) as ride_count from [bikeshare].[dbo_marts].[fct_rides]

),

daily_usage as (

    select
        sum(departures) as total_departures,
        sum(arrivals) as total_arrivals

    from [bikeshare].[dbo_marts].[fct_station_daily_usage]

)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select
    rides.ride_count,
    daily_usage.total_departures,
    daily_usage.total_arrivals

from rides
cross join daily_usage
where rides.ride_count <> daily_usage.total_departures
    or rides.ride_count <> daily_usage.total_arrivals
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (

select * from [bikeshare].[dbo_marts].[fct_rides] where duration_minutes <= 0
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (

select * from [bikeshare].[dbo_staging].[stg_payments] where amount <= 0
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (

select * from [bikeshare].[dbo_staging].[stg_stations] where dock_capacity <= 0
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select bike_id
from [bikeshare].[dbo_marts].[dim_bikes]
where bike_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select member_id
from [bikeshare].[dbo_marts].[dim_members]
where member_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select station_id
from [bikeshare].[dbo_marts].[dim_stations]
where station_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select duration_minutes
from [bikeshare].[dbo_marts].[fct_rides]
where duration_minutes is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select end_station_id
from [bikeshare].[dbo_marts].[fct_rides]
where end_station_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select ride_id
from [bikeshare].[dbo_marts].[fct_rides]
where ride_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select rider_type
from [bikeshare].[dbo_marts].[fct_rides]
where rider_type is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select start_station_id
from [bikeshare].[dbo_marts].[fct_rides]
where start_station_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select station_day_id
from [bikeshare].[dbo_marts].[fct_station_daily_usage]
where station_day_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select station_id
from [bikeshare].[dbo_marts].[fct_station_daily_usage]
where station_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select usage_date
from [bikeshare].[dbo_marts].[fct_station_daily_usage]
where usage_date is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select member_id
from [bikeshare].[dbo_intermediate].[int_member_payments]
where member_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select ride_id
from [bikeshare].[dbo_intermediate].[int_rides_enriched]
where ride_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select lifetime_value
from [bikeshare].[dbo_marts].[member_lifetime_value]
where lifetime_value is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select member_id
from [bikeshare].[dbo_marts].[member_lifetime_value]
where member_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select payment_id
from [bikeshare].[dbo_marts].[payments_current]
where payment_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select ride_id
from [bikeshare].[dbo_marts].[ride_log]
where ride_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select bike_id
from [bikeshare].[dbo_staging].[stg_bikes]
where bike_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select bike_type
from [bikeshare].[dbo_staging].[stg_bikes]
where bike_type is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select bike_id
from [bikeshare].[dbo_staging].[stg_maintenance_events]
where bike_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select maintenance_event_id
from [bikeshare].[dbo_staging].[stg_maintenance_events]
where maintenance_event_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select email
from [bikeshare].[dbo_staging].[stg_members]
where email is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select member_id
from [bikeshare].[dbo_staging].[stg_members]
where member_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select payment_id
from [bikeshare].[dbo_staging].[stg_payments]
where payment_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select payment_status
from [bikeshare].[dbo_staging].[stg_payments]
where payment_status is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select bike_id
from [bikeshare].[dbo_staging].[stg_rides]
where bike_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select ride_id
from [bikeshare].[dbo_staging].[stg_rides]
where ride_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select start_station_id
from [bikeshare].[dbo_staging].[stg_rides]
where start_station_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select station_id
from [bikeshare].[dbo_staging].[stg_stations]
where station_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select station_name
from [bikeshare].[dbo_staging].[stg_stations]
where station_name is null
) dbt_internal_test;

with child as (
    select bike_id as from_field
    from [bikeshare].[dbo_marts].[fct_rides]
    where bike_id is not null
),
parent as (
    select bike_id as to_field
    from [bikeshare].[dbo_marts].[dim_bikes]
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
) dbt_internal_test;

with child as (
    select end_station_id as from_field
    from [bikeshare].[dbo_marts].[fct_rides]
    where end_station_id is not null
),
parent as (
    select station_id as to_field
    from [bikeshare].[dbo_marts].[dim_stations]
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
) dbt_internal_test;

with child as (
    select member_id as from_field
    from [bikeshare].[dbo_marts].[fct_rides]
    where member_id is not null
),
parent as (
    select member_id as to_field
    from [bikeshare].[dbo_marts].[dim_members]
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
) dbt_internal_test;

with child as (
    select start_station_id as from_field
    from [bikeshare].[dbo_marts].[fct_rides]
    where start_station_id is not null
),
parent as (
    select station_id as to_field
    from [bikeshare].[dbo_marts].[dim_stations]
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
) dbt_internal_test;

with child as (
    select station_id as from_field
    from [bikeshare].[dbo_marts].[fct_station_daily_usage]
    where station_id is not null
),
parent as (
    select station_id as to_field
    from [bikeshare].[dbo_marts].[dim_stations]
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
) dbt_internal_test;

with child as (
    select member_id as from_field
    from [bikeshare].[dbo_marts].[member_lifetime_value]
    where member_id is not null
),
parent as (
    select member_id as to_field
    from [bikeshare].[dbo_marts].[dim_members]
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
) dbt_internal_test;

with child as (
    select home_station_id as from_field
    from [bikeshare].[dbo_staging].[stg_bikes]
    where home_station_id is not null
),
parent as (
    select station_id as to_field
    from [bikeshare].[dbo_staging].[stg_stations]
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
) dbt_internal_test;

with child as (
    select bike_id as from_field
    from [bikeshare].[dbo_staging].[stg_maintenance_events]
    where bike_id is not null
),
parent as (
    select bike_id as to_field
    from [bikeshare].[dbo_staging].[stg_bikes]
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
) dbt_internal_test;

with child as (
    select home_station_id as from_field
    from [bikeshare].[dbo_staging].[stg_members]
    where home_station_id is not null
),
parent as (
    select station_id as to_field
    from [bikeshare].[dbo_staging].[stg_stations]
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
) dbt_internal_test;

with child as (
    select member_id as from_field
    from [bikeshare].[dbo_staging].[stg_payments]
    where member_id is not null
),
parent as (
    select member_id as to_field
    from [bikeshare].[dbo_staging].[stg_members]
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
) dbt_internal_test;

with child as (
    select ride_id as from_field
    from [bikeshare].[dbo_staging].[stg_payments]
    where ride_id is not null
),
parent as (
    select ride_id as to_field
    from [bikeshare].[dbo_staging].[stg_rides]
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
) dbt_internal_test;

with child as (
    select bike_id as from_field
    from [bikeshare].[dbo_staging].[stg_rides]
    where bike_id is not null
),
parent as (
    select bike_id as to_field
    from [bikeshare].[dbo_staging].[stg_bikes]
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
) dbt_internal_test;

with child as (
    select member_id as from_field
    from [bikeshare].[dbo_staging].[stg_rides]
    where member_id is not null
),
parent as (
    select member_id as to_field
    from [bikeshare].[dbo_staging].[stg_members]
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
) dbt_internal_test;

with child as (
    select start_station_id as from_field
    from [bikeshare].[dbo_staging].[stg_rides]
    where start_station_id is not null
),
parent as (
    select station_id as to_field
    from [bikeshare].[dbo_staging].[stg_stations]
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select id
from [bikeshare].[main_raw].[bikes]
where id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select id
from [bikeshare].[main_raw].[members]
where id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select ride_id
from [bikeshare].[main_raw].[rides]
where ride_id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select id
from [bikeshare].[main_raw].[stations]
where id is null
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select id as unique_field, count(*) as n_records
from [bikeshare].[main_raw].[bikes]
where id is not null
group by id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select id as unique_field, count(*) as n_records
from [bikeshare].[main_raw].[members]
where id is not null
group by id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select ride_id as unique_field, count(*) as n_records
from [bikeshare].[main_raw].[rides]
where ride_id is not null
group by ride_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select id as unique_field, count(*) as n_records
from [bikeshare].[main_raw].[stations]
where id is not null
group by id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select bike_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_marts].[dim_bikes]
where bike_id is not null
group by bike_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select member_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_marts].[dim_members]
where member_id is not null
group by member_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select station_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_marts].[dim_stations]
where station_id is not null
group by station_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select ride_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_marts].[fct_rides]
where ride_id is not null
group by ride_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select station_day_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_marts].[fct_station_daily_usage]
where station_day_id is not null
group by station_day_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select member_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_intermediate].[int_member_payments]
where member_id is not null
group by member_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select ride_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_intermediate].[int_rides_enriched]
where ride_id is not null
group by ride_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select member_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_marts].[member_lifetime_value]
where member_id is not null
group by member_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select payment_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_marts].[payments_current]
where payment_id is not null
group by payment_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select ride_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_marts].[ride_log]
where ride_id is not null
group by ride_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select bike_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_staging].[stg_bikes]
where bike_id is not null
group by bike_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select maintenance_event_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_staging].[stg_maintenance_events]
where maintenance_event_id is not null
group by maintenance_event_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select email as unique_field, count(*) as n_records
from [bikeshare].[dbo_staging].[stg_members]
where email is not null
group by email
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select member_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_staging].[stg_members]
where member_id is not null
group by member_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select payment_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_staging].[stg_payments]
where payment_id is not null
group by payment_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select ride_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_staging].[stg_rides]
where ride_id is not null
group by ride_id
having count(*) > 1
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select station_id as unique_field, count(*) as n_records
from [bikeshare].[dbo_staging].[stg_stations]
where station_id is not null
group by station_id
having count(*) > 1
) dbt_internal_test;

