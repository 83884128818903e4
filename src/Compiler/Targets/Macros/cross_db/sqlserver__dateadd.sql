{#- T-SQL's DATEADD takes the part as a bare word (day, not 'day'), which is how dbt passes it. The value becomes datetime2(6) first, as in dbt-sqlserver: DATEADD refuses hour/minute/second on a DATE, turns a string literal into the coarse DATETIME, and DuckDB's result is a timestamp too. -#}
{% macro sqlserver__dateadd(datepart, interval, from_date_or_timestamp) -%}
    dateadd({{ datepart }}, {{ interval }}, cast({{ from_date_or_timestamp }} as datetime2(6)))
{%- endmacro %}
