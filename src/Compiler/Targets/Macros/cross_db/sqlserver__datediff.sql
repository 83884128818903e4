{#- DATEDIFF returns int: milliseconds overflow after about 24.8 days and seconds after about 68
    years (error 535). Second and finer parts count with DATEDIFF_BIG (bigint). -#}
{% macro sqlserver__datediff(first_date, second_date, datepart) -%}
    {%- if datepart | lower | trim in ['second', 'ss', 's', 'millisecond', 'ms', 'microsecond', 'mcs', 'nanosecond', 'ns'] -%}
    datediff_big({{ datepart }}, {{ first_date }}, {{ second_date }})
    {%- else -%}
    datediff({{ datepart }}, {{ first_date }}, {{ second_date }})
    {%- endif -%}
{%- endmacro %}
