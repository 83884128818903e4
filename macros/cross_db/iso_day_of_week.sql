{#- ISO day of the week: 1 = Monday ... 7 = Sunday, whatever the server's locale.
    SQL Server's weekday depends on @@datefirst, so it is shifted back to ISO numbering. -#}
{% macro iso_day_of_week(column_name) -%}
    {%- if target.type == 'duckdb' -%}
        cast(isodow({{ column_name }}) as integer)
    {%- else -%}
        ((datepart(weekday, {{ column_name }}) + @@datefirst - 2) % 7) + 1
    {%- endif -%}
{%- endmacro %}
