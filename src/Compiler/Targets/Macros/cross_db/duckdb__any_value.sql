{#- As dbt-duckdb: arbitrary() is any one value of the group, NULL included (DuckDB's any_value skips NULLs). -#}
{% macro duckdb__any_value(expression) -%}
    arbitrary({{ expression }})
{%- endmacro %}
