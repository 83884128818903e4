{% macro default__current_timestamp() -%}
    current_timestamp
{%- endmacro %}
