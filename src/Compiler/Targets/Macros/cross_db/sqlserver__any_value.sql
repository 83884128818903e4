{#- SQL Server has no ANY_VALUE; MIN is one of the values. -#}
{% macro sqlserver__any_value(expression) -%}
    min({{ expression }})
{%- endmacro %}
