{#- Back to Sunday (dbt_date's week starts on Sunday), independently of SET DATEFIRST. -#}
{% macro sqlserver__week_start(date) -%}
    cast(dateadd(day, -((datepart(weekday, {{ date }}) + @@datefirst - 1) % 7), cast({{ date }} as date)) as date)
{%- endmacro %}
