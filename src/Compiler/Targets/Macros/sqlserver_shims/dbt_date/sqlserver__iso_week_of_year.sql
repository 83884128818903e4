{% macro sqlserver__iso_week_of_year(date) -%}
    cast(datepart(iso_week, {{ date }}) as {{ dbt.type_int() }})
{%- endmacro %}
