-- generate_series: {{ dbt_date.generate_series(5) }}
select generated_number
    from (
        select p0.n * 1 + p1.n * 2 + p2.n * 4 + 1 as generated_number
        from (values (0), (1)) as p0(n) cross join (values (0), (1)) as p1(n) cross join (values (0), (1)) as p2(n)
    ) as series
    where generated_number <= 5

-- date_spine: {{ dbt_date.date_spine('day', "cast('2024-01-01' as date)", "cast('2024-01-11' as date)") }}
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

-- get_base_dates: {{ dbt_date.get_base_dates('2024-01-01', '2024-02-01') }}
select
    cast(spine.date_day as datetime2(6)) as date_day
from (
    select date_day
    from (
        select dateadd(day, rawdata.generated_number - 1, cast(cast('2024-01-01' as datetime2(6)) as datetime2(6))) as date_day
        from (select generated_number
    from (
        select p0.n * 1 + p1.n * 2 + p2.n * 4 + p3.n * 8 + 1 as generated_number
        from (values (0), (1)) as p0(n) cross join (values (0), (1)) as p1(n) cross join (values (0), (1)) as p2(n) cross join (values (0), (1)) as p3(n)
    ) as series
    where generated_number <= 10) as rawdata
    ) as all_periods
    where date_day <= cast('2024-02-01' as datetime2(6))
) as spine

-- get_base_dates n_dateparts: {{ dbt_date.get_base_dates(n_dateparts=52, datepart='week') }}
select
    cast(spine.date_week as datetime2(6)) as date_week
from (
    select date_week
    from (
        select dateadd(week, rawdata.generated_number - 1, cast(dateadd(week, -52, cast(cast(cast(cast(cast(sysdatetime() as datetime2(6)) as datetime2) at time zone 'UTC' at time zone 'Pacific Standard Time' as datetime2) as date) as datetime2(6))) as datetime2(6))) as date_week
        from (select generated_number
    from (
        select p0.n * 1 + p1.n * 2 + p2.n * 4 + p3.n * 8 + 1 as generated_number
        from (values (0), (1)) as p0(n) cross join (values (0), (1)) as p1(n) cross join (values (0), (1)) as p2(n) cross join (values (0), (1)) as p3(n)
    ) as series
    where generated_number <= 10) as rawdata
    ) as all_periods
    where date_week <= cast(dateadd(day, 1, cast(cast(cast(cast(cast(sysdatetime() as datetime2(6)) as datetime2) at time zone 'UTC' at time zone 'Pacific Standard Time' as datetime2) as date) as datetime2(6))) as date)
) as spine

-- get_date_dimension: {{ dbt_date.get_date_dimension('2024-01-01', '2024-12-31') }}
with base_dates as (
select
    cast(spine.date_day as datetime2(6)) as date_day
from (
    select date_day
    from (
        select dateadd(day, rawdata.generated_number - 1, cast(cast('2024-01-01' as datetime2(6)) as datetime2(6))) as date_day
        from (select generated_number
    from (
        select p0.n * 1 + p1.n * 2 + p2.n * 4 + p3.n * 8 + 1 as generated_number
        from (values (0), (1)) as p0(n) cross join (values (0), (1)) as p1(n) cross join (values (0), (1)) as p2(n) cross join (values (0), (1)) as p3(n)
    ) as series
    where generated_number <= 10) as rawdata
    ) as all_periods
    where date_day <= cast('2024-12-31' as datetime2(6))
) as spine
),
days as (
    select
        cast(b.date_day as date) as date_day,
        cast(dateadd(year, -1, cast(b.date_day as datetime2(6))) as date) as prior_year_date_day,
        cast(dateadd(day, -364, cast(b.date_day as datetime2(6))) as date) as prior_year_over_year_date_day
    from base_dates as b
)
select
    d.date_day,
    cast(dateadd(day, -1, cast(d.date_day as datetime2(6))) as date) as prior_date_day,
    cast(dateadd(day, 1, cast(d.date_day as datetime2(6))) as date) as next_date_day,
    d.prior_year_date_day,
    d.prior_year_over_year_date_day,
    (((datepart(weekday, d.date_day) + @@datefirst - 1) % 7) + 1) as day_of_week,
    (((datepart(weekday, d.date_day) + @@datefirst + 5) % 7) + 1) as day_of_week_iso,
    datename(weekday, d.date_day) as day_of_week_name,
    left(datename(weekday, d.date_day), 3) as day_of_week_name_short,
    datepart(day, d.date_day) as day_of_month,
    datepart(dayofyear, d.date_day) as day_of_year,
    cast(dateadd(day, -((datepart(weekday, d.date_day) + @@datefirst - 1) % 7), cast(d.date_day as date)) as date) as week_start_date,
    cast(dateadd(day, 6, cast(dateadd(day, -((datepart(weekday, d.date_day) + @@datefirst - 1) % 7), cast(d.date_day as date)) as date)) as date) as week_end_date,
    cast(dateadd(day, -((datepart(weekday, d.prior_year_over_year_date_day) + @@datefirst - 1) % 7), cast(d.prior_year_over_year_date_day as date)) as date) as prior_year_week_start_date,
    cast(dateadd(day, 6, cast(dateadd(day, -((datepart(weekday, d.prior_year_over_year_date_day) + @@datefirst - 1) % 7), cast(d.prior_year_over_year_date_day as date)) as date)) as date) as prior_year_week_end_date,
    cast(datepart(week, d.date_day) as int) as week_of_year,
    cast(dateadd(day, -((datepart(weekday, d.date_day) + @@datefirst + 5) % 7), cast(d.date_day as date)) as date) as iso_week_start_date,
    cast(dateadd(day, 6, cast(dateadd(day, -((datepart(weekday, d.date_day) + @@datefirst + 5) % 7), cast(d.date_day as date)) as date)) as date) as iso_week_end_date,
    cast(dateadd(day, -((datepart(weekday, d.prior_year_over_year_date_day) + @@datefirst + 5) % 7), cast(d.prior_year_over_year_date_day as date)) as date) as prior_year_iso_week_start_date,
    cast(dateadd(day, 6, cast(dateadd(day, -((datepart(weekday, d.prior_year_over_year_date_day) + @@datefirst + 5) % 7), cast(d.prior_year_over_year_date_day as date)) as date)) as date) as prior_year_iso_week_end_date,
    cast(datepart(iso_week, d.date_day) as int) as iso_week_of_year,
    cast(datepart(week, d.prior_year_over_year_date_day) as int) as prior_year_week_of_year,
    cast(datepart(iso_week, d.prior_year_over_year_date_day) as int) as prior_year_iso_week_of_year,
    cast(datepart(month, d.date_day) as int) as month_of_year,
    datename(month, d.date_day) as month_name,
    left(datename(month, d.date_day), 3) as month_name_short,
    cast(cast(dateadd(month, datediff(month, 0, d.date_day), 0) as datetime2(6)) as date) as month_start_date,
    cast(eomonth(d.date_day) as date) as month_end_date,
    cast(cast(dateadd(month, datediff(month, 0, d.prior_year_date_day), 0) as datetime2(6)) as date) as prior_year_month_start_date,
    cast(eomonth(d.prior_year_date_day) as date) as prior_year_month_end_date,
    cast(datepart(quarter, d.date_day) as int) as quarter_of_year,
    cast(cast(dateadd(quarter, datediff(quarter, 0, d.date_day), 0) as datetime2(6)) as date) as quarter_start_date,
    cast(cast(dateadd(day, -1, cast(dateadd(quarter, 1, cast(cast(dateadd(quarter, datediff(quarter, 0, d.date_day), 0) as datetime2(6)) as datetime2(6))) as datetime2(6))) as date) as date) as quarter_end_date,
    cast(datepart(year, d.date_day) as int) as year_number,
    cast(cast(dateadd(year, datediff(year, 0, d.date_day), 0) as datetime2(6)) as date) as year_start_date,
    cast(cast(dateadd(day, -1, cast(dateadd(year, 1, cast(cast(dateadd(year, datediff(year, 0, d.date_day), 0) as datetime2(6)) as datetime2(6))) as datetime2(6))) as date) as date) as year_end_date
from days as d

-- get_fiscal_year_dates: {{ dbt_date.get_fiscal_year_dates(ref('dates'), year_end_month=1, week_start_day=1) }}
with fsc_date_dimension as (
    select * from "warehouse"."analytics"."dates"
),
year_month_end as (
    select d.year_number - 1 as fiscal_year_number, d.month_end_date
    from fsc_date_dimension as d
    where d.month_of_year = 1
    group by d.year_number - 1, d.month_end_date
),
weeks as (
    select
        d.year_number,
        d.month_of_year,
        d.date_day as week_start_date,
        cast(dateadd(day, 6, cast(d.date_day as datetime2(6))) as date) as week_end_date
    from fsc_date_dimension as d
    where d.day_of_week = 1
),
year_week_ends as (
    select w.year_number - 1 as fiscal_year_number, w.week_end_date
    from weeks as w
    where w.month_of_year = 1
    group by w.year_number - 1, w.week_end_date
),
weeks_at_month_end as (
    select
        w.fiscal_year_number,
        w.week_end_date,
        m.month_end_date,
        rank() over (
            partition by w.fiscal_year_number
            order by abs(datediff(day, w.week_end_date, m.month_end_date))
        ) as closest_to_month_end
    from year_week_ends as w
    join year_month_end as m on w.fiscal_year_number = m.fiscal_year_number
),
fiscal_year_range as (
    select
        w.fiscal_year_number,
        cast(dateadd(day, 1, cast(lag(w.week_end_date) over (order by w.week_end_date) as datetime2(6))) as date) as fiscal_year_start_date,
        w.week_end_date as fiscal_year_end_date
    from weeks_at_month_end as w
    where w.closest_to_month_end = 1
)
select
    d.date_day,
    m.fiscal_year_number,
    m.fiscal_year_start_date,
    m.fiscal_year_end_date,
    w.week_start_date,
    w.week_end_date,
    dense_rank() over (partition by m.fiscal_year_number order by w.week_start_date) as fiscal_week_of_year
from fsc_date_dimension as d
join fiscal_year_range as m on d.date_day between m.fiscal_year_start_date and m.fiscal_year_end_date
join weeks as w on d.date_day between w.week_start_date and w.week_end_date

-- date_part day: {{ dbt_date.date_part('day', 'd') }}
datepart(day, d)

-- date_part dayofweek: {{ dbt_date.date_part('dayofweek', 'd') }}
((datepart(weekday, d) + @@datefirst - 1) % 7)

-- date_part isodow: {{ dbt_date.date_part('isodow', 'd') }}
(((datepart(weekday, d) + @@datefirst + 5) % 7) + 1)

-- date_part epoch: {{ dbt_date.date_part('epoch', 'ts') }}
datediff_big(second, cast('1970-01-01' as datetime2), ts)

-- day_name: {{ dbt_date.day_name('d') }}
left(datename(weekday, d), 3)

-- day_name long: {{ dbt_date.day_name('d', short=false) }}
datename(weekday, d)

-- month_name: {{ dbt_date.month_name('d') }}
left(datename(month, d), 3)

-- day_of_week iso: {{ dbt_date.day_of_week('d') }}
(((datepart(weekday, d) + @@datefirst + 5) % 7) + 1)

-- day_of_week sunday: {{ dbt_date.day_of_week('d', isoweek=false) }}
(((datepart(weekday, d) + @@datefirst - 1) % 7) + 1)

-- day_of_year: {{ dbt_date.day_of_year('d') }}
datepart(dayofyear, d)

-- day_of_month: {{ dbt_date.day_of_month('d') }}
datepart(day, d)

-- week_of_year: {{ dbt_date.week_of_year('d') }}
cast(datepart(week, d) as int)

-- iso_week_of_year: {{ dbt_date.iso_week_of_year('d') }}
cast(datepart(iso_week, d) as int)

-- week_start: {{ dbt_date.week_start('d') }}
cast(dateadd(day, -((datepart(weekday, d) + @@datefirst - 1) % 7), cast(d as date)) as date)

-- week_end: {{ dbt_date.week_end('d') }}
cast(dateadd(day, 6, cast(dateadd(day, -((datepart(weekday, d) + @@datefirst - 1) % 7), cast(d as date)) as date)) as date)

-- iso_week_start: {{ dbt_date.iso_week_start('d') }}
cast(dateadd(day, -((datepart(weekday, d) + @@datefirst + 5) % 7), cast(d as date)) as date)

-- iso_week_end: {{ dbt_date.iso_week_end('d') }}
cast(dateadd(day, 6, cast(dateadd(day, -((datepart(weekday, d) + @@datefirst + 5) % 7), cast(d as date)) as date)) as date)

-- week_start today: {{ dbt_date.week_start() }}
cast(dateadd(day, -((datepart(weekday, cast(cast(cast(cast(sysdatetime() as datetime2(6)) as datetime2) at time zone 'UTC' at time zone 'Pacific Standard Time' as datetime2) as date)) + @@datefirst - 1) % 7), cast(cast(cast(cast(cast(sysdatetime() as datetime2(6)) as datetime2) at time zone 'UTC' at time zone 'Pacific Standard Time' as datetime2) as date) as date)) as date)

-- to_unixtimestamp: {{ dbt_date.to_unixtimestamp('ts') }}
datediff_big(second, cast('1970-01-01' as datetime2), ts)

-- from_unixtimestamp: {{ dbt_date.from_unixtimestamp('epoch_s') }}
dateadd(second, epoch_s, cast('1970-01-01' as datetime2))

-- from_unixtimestamp ms: {{ dbt_date.from_unixtimestamp('epoch_ms', format='milliseconds') }}
dateadd(millisecond, epoch_ms % 1000, dateadd(second, epoch_ms / 1000, cast('1970-01-01' as datetime2)))

-- convert_timezone: {{ dbt_date.convert_timezone('ts', 'Europe/Paris') }}
cast(cast(ts as datetime2) at time zone 'UTC' at time zone 'Romance Standard Time' as datetime2)

-- convert_timezone windows name: {{ dbt_date.convert_timezone('ts', 'Tokyo Standard Time', 'Pacific Standard Time') }}
cast(cast(ts as datetime2) at time zone 'Pacific Standard Time' at time zone 'Tokyo Standard Time' as datetime2)

-- now: {{ dbt_date.now() }}
cast(cast(cast(sysdatetime() as datetime2(6)) as datetime2) at time zone 'UTC' at time zone 'Pacific Standard Time' as datetime2)

