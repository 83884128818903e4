with source as (

    select * from {{ source('raw', 'maintenance_events') }}

),

renamed as (

    select
        cast(id as integer) as maintenance_event_id,
        cast(bike_id as integer) as bike_id,
        -- NULL when the bike was taken to the depot instead of being fixed at a station.
        cast(station_id as integer) as station_id,
        replace(lower(trim(event_type)), ' ', '_') as event_type,
        cast(reported_at as {{ type_timestamp() }}) as reported_at,
        cast(resolved_at as {{ type_timestamp() }}) as resolved_at,
        {{ as_boolean('resolved_at is null') }} as is_open,
        case
            when resolved_at is not null
                then cast({{ duration_minutes('reported_at', 'resolved_at') }} / 60.0 as decimal(10, 2))
        end as hours_to_resolve,
        cast(cost_cents as integer) as cost_cents,
        {{ cents_to_currency('cost_cents') }} as cost,
        trim(technician) as technician_name

    from source

)

select * from renamed
