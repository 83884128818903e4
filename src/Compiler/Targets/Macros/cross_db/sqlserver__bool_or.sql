{#- SQL Server has no boolean aggregate; the condition becomes 1/0 and the result a bit. -#}
{% macro sqlserver__bool_or(expression) -%}
    cast(max(case when {{ expression }} then 1 else 0 end) as bit)
{%- endmacro %}
