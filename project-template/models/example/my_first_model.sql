-- Your first model: a SELECT that forge turns into a table (see the config below).
-- Replace it with a query over your own data: declare your tables as sources in YAML and
-- select from them with the source() function.

{{ config(materialized='table') }}

with weekdays as (

    select 1 as day_number, 'Monday' as day_name
    union all select 2, 'Tuesday'
    union all select 3, 'Wednesday'
    union all select 4, 'Thursday'
    union all select 5, 'Friday'
    union all select 6, 'Saturday'
    union all select 7, 'Sunday'

)

select * from weekdays
