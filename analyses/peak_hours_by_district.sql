-- Ad-hoc: when does each district get busy? Compiled by `forge compile`, never run by `forge run`;
-- paste target/compiled/.../peak_hours_by_district.sql into a SQL client.

select
    start_district,
    start_hour,
    count(*) as rides,
    sum(case when rider_type = 'casual' then 1 else 0 end) as casual_rides,
    cast(avg(duration_minutes) as decimal(10, 1)) as avg_duration_minutes

from {{ ref('fct_rides') }}
where start_iso_weekday between 1 and 5
group by start_district, start_hour
order by start_district, start_hour
