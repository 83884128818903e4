{#- The package's default nests a WITH; dbt's own T-SQL spine is one nestable SELECT, so use it. -#}
{% macro sqlserver__date_spine(datepart, start_date, end_date) -%}
    {{ dbt.date_spine(datepart, start_date, end_date) }}
{%- endmacro %}
