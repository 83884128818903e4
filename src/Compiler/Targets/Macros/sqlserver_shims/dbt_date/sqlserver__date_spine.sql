{#- dbt_date's spine as one SELECT with derived tables instead of CTEs, so that get_base_dates and
    models can nest it inside their own WITH. -#}
{% macro sqlserver__date_spine(datepart, start_date, end_date) %}
    select *
    from (
        select
            {{ dbt.dateadd(datepart, "series.generated_number - 1", start_date) }} as date_{{ datepart }}
        from (
            {{ dbt_date.generate_series(dbt_date.get_intervals_between(start_date, end_date, datepart)) }}
        ) as series
    ) as all_periods
    where date_{{ datepart }} <= {{ end_date }}
{% endmacro %}
