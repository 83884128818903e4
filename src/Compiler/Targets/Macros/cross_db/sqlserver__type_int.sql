{% macro sqlserver__type_int() -%}
    int
{%- endmacro %}
