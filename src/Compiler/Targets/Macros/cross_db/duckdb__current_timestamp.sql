{% macro duckdb__current_timestamp() -%}
    now()
{%- endmacro %}
