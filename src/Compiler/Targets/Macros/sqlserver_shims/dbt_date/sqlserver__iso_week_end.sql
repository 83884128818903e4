{% macro sqlserver__iso_week_end(date) -%}
    cast(dateadd(day, 6, {{ dbt_date.iso_week_start(date) }}) as date)
{%- endmacro %}
