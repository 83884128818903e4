{% macro sqlserver__last_day(date, datepart) -%}
    {%- if datepart | lower == 'month' -%}
    eomonth({{ date }})
    {%- else -%}
    {{ dbt.default_last_day(date, datepart) }}
    {%- endif -%}
{%- endmacro %}
