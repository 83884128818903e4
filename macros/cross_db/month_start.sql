{#- First day of the month as a date. SQL Server 2019 has no date_trunc (DATETRUNC came in 2022). -#}
{% macro month_start(column_name) -%}
    {%- if target.type == 'duckdb' -%}
        cast(date_trunc('month', {{ column_name }}) as date)
    {%- else -%}
        datefromparts(year({{ column_name }}), month({{ column_name }}), 1)
    {%- endif -%}
{%- endmacro %}
