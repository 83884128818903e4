{% macro duckdb__last_day(date, datepart) -%}
    {%- if datepart | lower == 'month' -%}
    last_day(cast({{ date }} as date))
    {%- else -%}
    cast({{ dateadd('day', '-1', dateadd(datepart, '1', date_trunc(datepart, date))) }} as date)
    {%- endif -%}
{%- endmacro %}
