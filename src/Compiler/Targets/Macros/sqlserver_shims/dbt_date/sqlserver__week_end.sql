{% macro sqlserver__week_end(date) -%}
    cast(dateadd(day, 6, {{ dbt_date.week_start(date) }}) as date)
{%- endmacro %}
