{#- Runs a query while compiling, as dbt does: datediff of the two (SQL) dates. While parsing nothing runs and the answer is 1. -#}
{% macro default__get_intervals_between(start_date, end_date, datepart) -%}
    {%- call statement('get_intervals_between', fetch_result=True) -%}
    select {{ dbt.datediff(start_date, end_date, datepart) }} as intervals
    {%- endcall -%}
    {%- set result = load_result('get_intervals_between') -%}
    {%- if result and result['data'] -%}
    {{ return(result['data'][0][0]) }}
    {%- else -%}
    {{ return(1) }}
    {%- endif -%}
{%- endmacro %}
