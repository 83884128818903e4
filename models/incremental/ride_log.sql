{#- Append-only log of completed rides: rides never change once they have ended, so each run
    only adds the rides that started after the newest one already logged. -#}
{{ config(materialized='incremental', incremental_strategy='append') }}

select
    ride_id,
    bike_id,
    member_id,
    start_station_id,
    end_station_id,
    started_at,
    ended_at,
    duration_minutes
from {{ ref('int_completed_rides') }}
{% if is_incremental() %}
where started_at > (select max(started_at) from {{ this }})
{% endif %}
