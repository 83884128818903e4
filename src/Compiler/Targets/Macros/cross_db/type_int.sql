{#- The type for 32-bit integers. Dispatched, so a project or package can override it per target. -#}
{% macro type_int() -%}
    {{ return(adapter.dispatch('type_int', 'dbt')()) }}
{%- endmacro %}
