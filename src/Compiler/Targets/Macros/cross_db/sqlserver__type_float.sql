{#- T-SQL's FLOAT is float(53), a double. -#}
{% macro sqlserver__type_float() -%}
    float
{%- endmacro %}
