{#- The package's default nests a WITH; dbt's own T-SQL series is one nestable SELECT, so use it. -#}
{% macro sqlserver__generate_series(upper_bound) -%}
    {{ dbt.generate_series(upper_bound) }}
{%- endmacro %}
