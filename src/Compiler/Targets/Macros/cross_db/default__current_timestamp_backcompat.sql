{% macro default__current_timestamp_backcompat() -%}
    current_timestamp::timestamp
{%- endmacro %}
