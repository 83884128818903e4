{% macro default__type_int() -%}
    integer
{%- endmacro %}
