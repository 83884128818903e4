-- generate_series: {{ dbt_utils.generate_series(10) }}
select generated_number
    from (
        select p0.n * 1 + p1.n * 2 + p2.n * 4 + p3.n * 8 + 1 as generated_number
        from (values (0), (1)) as p0(n) cross join (values (0), (1)) as p1(n) cross join (values (0), (1)) as p2(n) cross join (values (0), (1)) as p3(n)
    ) as series
    where generated_number <= 10

-- date_spine: {{ dbt_utils.date_spine('day', "cast('2024-01-01' as date)", "cast('2024-01-11' as date)") }}
select date_day
    from (
        select dateadd(day, rawdata.generated_number - 1, cast(cast('2024-01-01' as date) as datetime2(6))) as date_day
        from (select generated_number
    from (
        select p0.n * 1 + p1.n * 2 + p2.n * 4 + p3.n * 8 + 1 as generated_number
        from (values (0), (1)) as p0(n) cross join (values (0), (1)) as p1(n) cross join (values (0), (1)) as p2(n) cross join (values (0), (1)) as p3(n)
    ) as series
    where generated_number <= 10) as rawdata
    ) as all_periods
    where date_day <= cast('2024-01-11' as date)

-- date_spine month: {{ dbt_utils.date_spine('month', "cast('2024-01-01' as date)", 'getdate()') }}
select date_month
    from (
        select dateadd(month, rawdata.generated_number - 1, cast(cast('2024-01-01' as date) as datetime2(6))) as date_month
        from (select generated_number
    from (
        select p0.n * 1 + p1.n * 2 + p2.n * 4 + p3.n * 8 + 1 as generated_number
        from (values (0), (1)) as p0(n) cross join (values (0), (1)) as p1(n) cross join (values (0), (1)) as p2(n) cross join (values (0), (1)) as p3(n)
    ) as series
    where generated_number <= 10) as rawdata
    ) as all_periods
    where date_month <= getdate()

-- deduplicate: {{ dbt_utils.deduplicate(ref('orders'), 'customer_id', 'updated_at desc') }}
select top (1) with ties *
    from "warehouse"."analytics"."orders"
    order by row_number() over (
        partition by customer_id
        order by updated_at desc
    )

-- deduplicate cte: with src as (select * from t)
{{ dbt_utils.deduplicate('src', 'a, b', 'ts desc') }}
with src as (select * from t)
select top (1) with ties *
    from src
    order by row_number() over (
        partition by a, b
        order by ts desc
    )

-- width_bucket: {{ dbt_utils.width_bucket('amount', 0, 100, 10) }}
(
        case
            when try_cast(amount as numeric(28,6)) % try_cast((( 100 - 0 ) / 10 ) as numeric(28,6)) = 0 then 1
            else 0
        end
    ) + (
        case
            when ceiling((amount - 0) / (( 100 - 0 ) / 10 )) < 10 + 1 then ceiling((amount - 0) / (( 100 - 0 ) / 10 ))
            else 10 + 1
        end
    )

-- get_tables_by_pattern_sql: {{ dbt_utils.get_tables_by_pattern_sql('stg%', 'orders%', 'orders_old') }}
    select distinct
        TABLE_SCHEMA as [table_schema],
        TABLE_NAME as [table_name],
        case TABLE_TYPE
            when 'BASE TABLE' then 'table'
            else lower(TABLE_TYPE)
        end as [table_type]
    from [warehouse].INFORMATION_SCHEMA.TABLES
    where TABLE_SCHEMA like 'stg%'
    and TABLE_NAME like 'orders%'
    and TABLE_NAME not like 'orders_old'

-- get_column_values: {% set values = dbt_utils.get_column_values(ref('orders'), 'status', max_records=5) %}select {{ values | length }} as n
select 1 as n

-- test_at_least_one: {{ dbt_utils.test_at_least_one(ref('orders'), 'id') }}
select
    count(id) as filler_column
from (
    select top (1) id
    from "warehouse"."analytics"."orders"
    where id is not null
) as pruned_rows
having count(id) = 0

-- test_at_least_one grouped: {{ dbt_utils.test_at_least_one(ref('orders'), 'id', group_by_columns=['region', 'day']) }}
select
    region,
    day,
    count(id) as filler_column
from (
    select region, day, id
    from "warehouse"."analytics"."orders"
) as pruned_rows
group by region, day
having count(id) = 0

-- test_mutually_exclusive_ranges: {{ dbt_utils.test_mutually_exclusive_ranges(ref('orders'), 'lo', 'hi') }}
with window_functions as (
    select
        lo as lower_bound,
        hi as upper_bound,
        lead(lo) over ( order by lo, hi) as next_lower_bound,
        case
            when row_number() over ( order by lo desc, hi desc) = 1 then 1
            else 0
        end as is_last_record
    from "warehouse"."analytics"."orders"
),
calc as (
    select
        *,
        case when lower_bound < upper_bound then 1 else 0 end as lower_bound_less_than_upper_bound,
        case
            when upper_bound <= next_lower_bound then 1
            when upper_bound is null or next_lower_bound is null then is_last_record
            else 0
        end as upper_bound_less_than_or_equal_to_next_lower_bound
    from window_functions
),
validation_errors as (
    select *
    from calc
    where not (
        lower_bound_less_than_upper_bound = 1
        and upper_bound_less_than_or_equal_to_next_lower_bound = 1
    )
)
select * from validation_errors

-- test_mutually_exclusive_ranges gaps: {{ dbt_utils.test_mutually_exclusive_ranges(ref('orders'), 'lo', 'hi', partition_by='k', gaps='not_allowed', zero_length_range_allowed=True) }}
with window_functions as (
    select
        k as partition_by_col,
        lo as lower_bound,
        hi as upper_bound,
        lead(lo) over (partition by k order by lo, hi) as next_lower_bound,
        case
            when row_number() over (partition by k order by lo desc, hi desc) = 1 then 1
            else 0
        end as is_last_record
    from "warehouse"."analytics"."orders"
),
calc as (
    select
        *,
        case when lower_bound <= upper_bound then 1 else 0 end as lower_bound_less_than_or_equal_to_upper_bound,
        case
            when upper_bound = next_lower_bound then 1
            when upper_bound is null or next_lower_bound is null then is_last_record
            else 0
        end as upper_bound_equal_to_next_lower_bound
    from window_functions
),
validation_errors as (
    select *
    from calc
    where not (
        lower_bound_less_than_or_equal_to_upper_bound = 1
        and upper_bound_equal_to_next_lower_bound = 1
    )
)
select * from validation_errors

