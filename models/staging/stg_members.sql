with source as (

    select * from {{ source('raw', 'members') }}

),

renamed as (

    select
        cast(id as integer) as member_id,
        trim(first_name) as first_name,
        trim(last_name) as last_name,
        lower(trim(email)) as email,
        -- "Day pass", "day pass" and "day_pass" are the same plan.
        replace(lower(trim(membership_type)), ' ', '_') as membership_plan,
        cast(signed_up_at as {{ type_timestamp() }}) as signed_up_at,
        -- The sign-up form accepted 0 and 1900 as "prefer not to say".
        case
            when birth_year between 1910 and 2010 then cast(birth_year as integer)
        end as birth_year,
        is_student,
        cast(home_station as integer) as home_station_id,
        cast(updated_at as {{ type_timestamp() }}) as updated_at

    from source

)

select * from renamed
