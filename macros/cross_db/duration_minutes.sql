{#- Minutes between two timestamps, to the second (a 90-second ride is 1.50, not 1 or 2).
    Both engines count whole seconds the same way; only the function name differs. -#}
{% macro duration_minutes(start_column, end_column) -%}
    {%- if target.type == 'duckdb' -%}
        cast(date_diff('second', {{ start_column }}, {{ end_column }}) / 60.0 as decimal(10, 2))
    {%- else -%}
        cast(datediff(second, {{ start_column }}, {{ end_column }}) / 60.0 as decimal(10, 2))
    {%- endif -%}
{%- endmacro %}
