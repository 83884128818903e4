{#- The type for text columns. Dispatched, so a project or package can override it per target. -#}
{% macro type_string() -%}
    {{ return(adapter.dispatch('type_string', 'dbt')()) }}
{%- endmacro %}
