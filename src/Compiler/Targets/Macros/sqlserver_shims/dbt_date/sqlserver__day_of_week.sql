{#- 1..7, Monday first when isoweek, Sunday first otherwise; independent of SET DATEFIRST. -#}
{% macro sqlserver__day_of_week(date, isoweek) -%}
    {%- if isoweek -%}
    (((datepart(weekday, {{ date }}) + @@datefirst + 5) % 7) + 1)
    {%- else -%}
    (((datepart(weekday, {{ date }}) + @@datefirst - 1) % 7) + 1)
    {%- endif -%}
{%- endmacro %}
