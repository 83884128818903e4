{#- A date or timestamp truncated to the start of its datepart; weeks start on Monday. Dispatched, so a project or package can override it per target. -#}
{% macro date_trunc(datepart, date) -%}
    {{ return(adapter.dispatch('date_trunc', 'dbt')(datepart, date)) }}
{%- endmacro %}
