{% macro default__snapshot_get_time() -%}
    {{ current_timestamp() }}
{%- endmacro %}
