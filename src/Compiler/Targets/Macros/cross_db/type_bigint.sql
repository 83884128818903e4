{#- The type for 64-bit integers. Dispatched, so a project or package can override it per target. -#}
{% macro type_bigint() -%}
    {{ return(adapter.dispatch('type_bigint', 'dbt')()) }}
{%- endmacro %}
