{% macro default__type_timestamp() -%}
    timestamp
{%- endmacro %}
