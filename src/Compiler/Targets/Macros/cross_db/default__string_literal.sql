{% macro default__string_literal(value) -%}
    '{{ value }}'
{%- endmacro %}
