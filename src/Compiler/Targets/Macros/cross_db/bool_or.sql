{#- True when the condition holds for any row of the group. Dispatched, so a project or package can override it per target. -#}
{% macro bool_or(expression) -%}
    {{ return(adapter.dispatch('bool_or', 'dbt')(expression)) }}
{%- endmacro %}
