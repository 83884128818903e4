{% macro default__type_bigint() -%}
    bigint
{%- endmacro %}
