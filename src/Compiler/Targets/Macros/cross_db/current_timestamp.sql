{#- The current date and time of the database server. Dispatched, so a project or package can override it per target. -#}
{% macro current_timestamp() -%}
    {{ return(adapter.dispatch('current_timestamp', 'dbt')()) }}
{%- endmacro %}
