{% macro sqlserver__day_of_year(date) -%}
    datepart(dayofyear, {{ date }})
{%- endmacro %}
