{#- Back to Monday: the ISO day of week (Monday = 0 here) is computed independently of DATEFIRST. -#}
{% macro sqlserver__iso_week_start(date) -%}
    cast(dateadd(day, -((datepart(weekday, {{ date }}) + @@datefirst + 5) % 7), cast({{ date }} as date)) as date)
{%- endmacro %}
