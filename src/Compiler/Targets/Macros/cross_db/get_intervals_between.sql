{#- How many dateparts lie between two dates, asked of the database while executing (1 while parsing). Dispatched, so a project or package can override it per target. -#}
{% macro get_intervals_between(start_date, end_date, datepart) -%}
    {{ return(adapter.dispatch('get_intervals_between', 'dbt')(start_date, end_date, datepart)) }}
{%- endmacro %}
