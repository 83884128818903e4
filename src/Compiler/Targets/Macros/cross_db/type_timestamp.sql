{#- The type for a timestamp without time zone. Dispatched, so a project or package can override it per target. -#}
{% macro type_timestamp() -%}
    {{ return(adapter.dispatch('type_timestamp', 'dbt')()) }}
{%- endmacro %}
