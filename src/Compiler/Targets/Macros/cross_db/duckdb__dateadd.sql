{#- DuckDB's interval takes an expression in parentheses, so the interval may be a column. A quoted literal ('2023-09-01', as dbt's tests and date_spine callers write dates) is read as a timestamp first: DuckDB cannot choose between date and timestamp for a bare string plus an interval. -#}
{% macro duckdb__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- set value = from_date_or_timestamp | string | trim -%}
    {%- if value[:1] == "'" and value[-1:] == "'" -%}
    {%- set value = "cast(" ~ value ~ " as timestamp)" -%}
    {%- endif -%}
    date_add({{ value }}, interval ({{ interval }}) {{ datepart }})
{%- endmacro %}
