{#- dbt_utils' spine as one SELECT (its generate_series is a subquery, not a nested WITH), so a
    model may put it inside its own CTE. generated_number runs from 1, hence the "- 1". -#}
{% macro sqlserver__date_spine(datepart, start_date, end_date) %}
    select *
    from (
        select
            {{ dbt.dateadd(datepart, "series.generated_number - 1", start_date) }} as date_{{ datepart }}
        from (
            {{ dbt_utils.generate_series(dbt_utils.get_intervals_between(start_date, end_date, datepart)) }}
        ) as series
    ) as all_periods
    where date_{{ datepart }} <= {{ end_date }}
{% endmacro %}
