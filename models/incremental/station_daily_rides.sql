{#- Rides started per station and day. The last day loaded may still have been incomplete, so each
    run recomputes every day from the newest one already in the table onwards and replaces those
    (day, station) rows: delete+insert on the composite key. -#}
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['ride_date', 'station_id']
) }}

select
    cast(started_at as date) as ride_date,
    start_station_id as station_id,
    count(*) as rides,
    count(member_id) as member_rides,
    round(avg(duration_minutes), 1) as avg_duration_minutes
from {{ ref('int_completed_rides') }}
{% if is_incremental() %}
where cast(started_at as date) >= (select max(ride_date) from {{ this }})
{% endif %}
group by 1, 2
