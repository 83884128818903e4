{#- date_diff counts part boundaries crossed, as DATEDIFF does, except for weeks, where it counts whole weeks: a week is counted as Sundays crossed (SQL Server's DATEDIFF(week), and dbt-duckdb's intent), by moving both sides to the start of their Sunday-based week. Both sides become timestamps so a date and a timestamp compare. -#}
{% macro duckdb__datediff(first_date, second_date, datepart) -%}
    {%- if datepart | lower | trim == 'week' -%}
    (date_diff('day', date_trunc('week', cast({{ first_date }} as timestamp) + interval 1 day), date_trunc('week', cast({{ second_date }} as timestamp) + interval 1 day)) // 7)
    {%- else -%}
    date_diff('{{ datepart }}', cast({{ first_date }} as timestamp), cast({{ second_date }} as timestamp))
    {%- endif -%}
{%- endmacro %}
