{#- Hour of the day, 0-23. -#}
{% macro hour_of_day(column_name) -%}
    {%- if target.type == 'duckdb' -%}
        cast(extract(hour from {{ column_name }}) as integer)
    {%- else -%}
        datepart(hour, {{ column_name }})
    {%- endif -%}
{%- endmacro %}
