{#- datepart units added to a date or timestamp: dateadd('day', 7, 'ordered_at'). Dispatched, so a project or package can override it per target. -#}
{% macro dateadd(datepart, interval, from_date_or_timestamp) -%}
    {{ return(adapter.dispatch('dateadd', 'dbt')(datepart, interval, from_date_or_timestamp)) }}
{%- endmacro %}
