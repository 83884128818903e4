{#- T-SQL's CONCAT needs at least two arguments. -#}
{% macro sqlserver__concat(fields) -%}
    {%- if fields | length == 1 -%}
    concat({{ fields[0] }}, '')
    {%- else -%}
    concat({{ fields | join(', ') }})
    {%- endif -%}
{%- endmacro %}
