{#- A query of one row per datepart from start_date up to end_date, in a column date_<datepart>. Dispatched, so a project or package can override it per target. -#}
{% macro date_spine(datepart, start_date, end_date) -%}
    {{ return(adapter.dispatch('date_spine', 'dbt')(datepart, start_date, end_date)) }}
{%- endmacro %}
