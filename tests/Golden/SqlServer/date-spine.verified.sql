with spine as (
select date_day
    from (
        select dateadd(day, rawdata.generated_number - 1, cast('2023-09-01' as datetime2(6))) as date_day
        from (select generated_number
    from (
        select p0.n * 1 + p1.n * 2 + p2.n * 4 + p3.n * 8 + 1 as generated_number
        from (values (0), (1)) as p0(n) cross join (values (0), (1)) as p1(n) cross join (values (0), (1)) as p2(n) cross join (values (0), (1)) as p3(n)
    ) as series
    where generated_number <= 9) as rawdata
    ) as all_periods
    where date_day <= '2023-09-10'
)
select cast(date_day as date) as date_day from spine
