{#- SQL Server 2019 has no DATETRUNC (it came in 2022): count whole parts since day 0 (1900-01-01) and add them back. Weeks start on Monday whatever @@datefirst says; seconds and milliseconds count from midnight so the count fits an int. -#}
{% macro sqlserver__date_trunc(datepart, date) -%}
    {%- set part = datepart | lower | trim -%}
    {%- if part == 'week' -%}
    cast(dateadd(day, -((datepart(weekday, {{ date }}) + @@datefirst - 2) % 7), cast({{ date }} as date)) as datetime2(6))
    {%- elif part in ('second', 'millisecond') -%}
    cast(dateadd({{ part }}, datediff({{ part }}, cast(cast({{ date }} as date) as datetime2(6)), {{ date }}), cast(cast({{ date }} as date) as datetime2(6))) as datetime2(6))
    {%- else -%}
    cast(dateadd({{ part }}, datediff({{ part }}, 0, {{ date }}), 0) as datetime2(6))
    {%- endif -%}
{%- endmacro %}
