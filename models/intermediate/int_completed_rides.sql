{#- Rides that ended at a dock with a plausible duration. Ephemeral: it is a filter several
    incremental models share, not a table anyone queries, so it is inlined as a CTE. -#}
{{ config(materialized='ephemeral') }}

select
    ride_id,
    bike_id,
    member_id,
    rider_type,
    start_station_id,
    end_station_id,
    started_at,
    ended_at,
    duration_minutes
from {{ ref('stg_rides') }}
where {{ is_true('has_valid_duration') }}
