{#- The last day (a date) of the datepart that contains date. Dispatched, so a project or package can override it per target. -#}
{% macro last_day(date, datepart) -%}
    {{ return(adapter.dispatch('last_day', 'dbt')(date, datepart)) }}
{%- endmacro %}
