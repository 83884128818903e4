with members as (

    select * from {{ ref('stg_members') }}

),

rides as (

    select * from {{ ref('fct_rides') }}
    where member_id is not null

),

ride_stats as (

    select
        member_id,
        count(*) as total_rides,
        sum(duration_minutes) as total_ride_minutes,
        sum(case when bike_type = 'electric' then 1 else 0 end) as electric_rides,
        min(started_at) as first_ride_at,
        max(started_at) as last_ride_at

    from rides
    group by member_id

),

final as (

    select
        members.member_id,
        concat(members.first_name, ' ', members.last_name) as full_name,
        members.email,
        members.membership_plan,
        members.is_student,
        members.birth_year,
        case
            when members.birth_year is null then 'unknown'
            when year(members.signed_up_at) - members.birth_year < 25 then 'under 25'
            when year(members.signed_up_at) - members.birth_year < 40 then '25-39'
            when year(members.signed_up_at) - members.birth_year < 60 then '40-59'
            else '60+'
        end as age_band,
        members.home_station_id,
        members.signed_up_at,
        {{ month_start('members.signed_up_at') }} as signup_month,
        coalesce(ride_stats.total_rides, 0) as total_rides,
        coalesce(ride_stats.total_ride_minutes, 0) as total_ride_minutes,
        coalesce(ride_stats.electric_rides, 0) as electric_rides,
        ride_stats.first_ride_at,
        ride_stats.last_ride_at

    from members
    left join ride_stats
        on members.member_id = ride_stats.member_id

)

select * from final
