{#- dbt_date's fiscal year dates (years ending on the week-end day closest to the end of
    year_end_month), written for T-SQL: grouping by column names rather than positions, and no
    trailing ORDER BY (not allowed in a view or CTE). -#}
{% macro sqlserver__get_fiscal_year_dates(dates, year_end_month, week_start_day, shift_year) %}
with fsc_date_dimension as (
    select * from {{ dates }}
),
year_month_end as (
    select d.year_number - {{ shift_year }} as fiscal_year_number, d.month_end_date
    from fsc_date_dimension as d
    where d.month_of_year = {{ year_end_month }}
    group by d.year_number - {{ shift_year }}, d.month_end_date
),
weeks as (
    select
        d.year_number,
        d.month_of_year,
        d.date_day as week_start_date,
        cast({{ dbt.dateadd('day', 6, 'd.date_day') }} as date) as week_end_date
    from fsc_date_dimension as d
    where d.day_of_week = {{ week_start_day }}
),
year_week_ends as (
    select w.year_number - {{ shift_year }} as fiscal_year_number, w.week_end_date
    from weeks as w
    where w.month_of_year = {{ year_end_month }}
    group by w.year_number - {{ shift_year }}, w.week_end_date
),
weeks_at_month_end as (
    select
        w.fiscal_year_number,
        w.week_end_date,
        m.month_end_date,
        rank() over (
            partition by w.fiscal_year_number
            order by abs({{ dbt.datediff('w.week_end_date', 'm.month_end_date', 'day') }})
        ) as closest_to_month_end
    from year_week_ends as w
    join year_month_end as m on w.fiscal_year_number = m.fiscal_year_number
),
fiscal_year_range as (
    select
        w.fiscal_year_number,
        cast({{ dbt.dateadd('day', 1, 'lag(w.week_end_date) over (order by w.week_end_date)') }} as date) as fiscal_year_start_date,
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
{% endmacro %}
