{#- A date built from year, month and day, e.g. date(2024, 3, 15). Dispatched, so a project or package can override it per target. -#}
{% macro date(year, month, day) -%}
    {{ return(adapter.dispatch('date', 'dbt')(year, month, day)) }}
{%- endmacro %}
