{#- now() is a timestamp with time zone; snapshot columns are plain timestamps. -#}
{% macro duckdb__snapshot_get_time() -%}
    {{ current_timestamp() }}::timestamp
{%- endmacro %}
