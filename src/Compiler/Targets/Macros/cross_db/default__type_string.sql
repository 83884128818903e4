{% macro default__type_string() -%}
    varchar
{%- endmacro %}
