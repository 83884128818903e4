{#- The type for exact decimals: numeric(28,6). Dispatched, so a project or package can override it per target. -#}
{% macro type_numeric() -%}
    {{ return(adapter.dispatch('type_numeric', 'dbt')()) }}
{%- endmacro %}
