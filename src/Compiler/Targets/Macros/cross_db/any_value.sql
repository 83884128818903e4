{#- Any one value of the group. Dispatched, so a project or package can override it per target. -#}
{% macro any_value(expression) -%}
    {{ return(adapter.dispatch('any_value', 'dbt')(expression)) }}
{%- endmacro %}
