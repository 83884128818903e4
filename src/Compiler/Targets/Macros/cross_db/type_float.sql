{#- The type for approximate (floating-point) numbers. Dispatched, so a project or package can override it per target. -#}
{% macro type_float() -%}
    {{ return(adapter.dispatch('type_float', 'dbt')()) }}
{%- endmacro %}
