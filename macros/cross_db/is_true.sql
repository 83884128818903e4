{#- A predicate on a boolean column (a bit column on SQL Server, which cannot stand alone in WHERE). -#}
{% macro is_true(column_name) -%}
    {%- if target.type == 'duckdb' -%}
        {{ column_name }} = true
    {%- else -%}
        {{ column_name }} = 1
    {%- endif -%}
{%- endmacro %}
