{% macro default__type_numeric() -%}
    numeric(28,6)
{%- endmacro %}
