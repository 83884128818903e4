{% macro default__type_boolean() -%}
    boolean
{%- endmacro %}
