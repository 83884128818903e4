{#- The type for true/false values (a bit on SQL Server). Dispatched, so a project or package can override it per target. -#}
{% macro type_boolean() -%}
    {{ return(adapter.dispatch('type_boolean', 'dbt')()) }}
{%- endmacro %}
