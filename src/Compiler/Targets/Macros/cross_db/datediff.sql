{#- Boundaries of datepart crossed from first_date to second_date (as SQL Server's DATEDIFF counts). Dispatched, so a project or package can override it per target. -#}
{% macro datediff(first_date, second_date, datepart) -%}
    {{ return(adapter.dispatch('datediff', 'dbt')(first_date, second_date, datepart)) }}
{%- endmacro %}
