{#- Calendar days from one date (or timestamp) to another: midnight boundaries crossed,
    which is what both DuckDB's date_diff('day', ...) and SQL Server's datediff(day, ...) count. -#}
{% macro days_between(start_column, end_column) -%}
    {%- if target.type == 'duckdb' -%}
        date_diff('day', cast({{ start_column }} as date), cast({{ end_column }} as date))
    {%- else -%}
        datediff(day, cast({{ start_column }} as date), cast({{ end_column }} as date))
    {%- endif -%}
{%- endmacro %}
