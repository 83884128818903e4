{#- A query of the numbers 1..upper_bound, one row each, in a column generated_number. Dispatched, so a project or package can override it per target. -#}
{% macro generate_series(upper_bound) -%}
    {{ return(adapter.dispatch('generate_series', 'dbt')(upper_bound)) }}
{%- endmacro %}
