{#- T-SQL's week: weeks starting on the DATEFIRST day, week 1 holding January 1st. -#}
{% macro sqlserver__week_of_year(date) -%}
    cast(datepart(week, {{ date }}) as {{ dbt.type_int() }})
{%- endmacro %}
