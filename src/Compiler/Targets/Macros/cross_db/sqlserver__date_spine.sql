{#- One SELECT with derived tables, no WITH: a caller puts the spine inside a CTE, where T-SQL allows no WITH. The number itself gives the offset (T-SQL's ROW_NUMBER cannot order by a constant). -#}
{% macro sqlserver__date_spine(datepart, start_date, end_date) -%}
    select date_{{ datepart }}
    from (
        select {{ dbt.dateadd(datepart, "rawdata.generated_number - 1", start_date) }} as date_{{ datepart }}
        from ({{ dbt.generate_series(dbt.get_intervals_between(start_date, end_date, datepart)) }}) as rawdata
    ) as all_periods
    where date_{{ datepart }} <= {{ end_date }}
{%- endmacro %}
