{% macro default__type_float() -%}
    float
{%- endmacro %}
