{#- The smallest n with upper_bound <= 2**n: the bits generate_series needs (a compile-time number). Dispatched, so a project or package can override it per target. -#}
{% macro get_powers_of_two(upper_bound) -%}
    {{ return(adapter.dispatch('get_powers_of_two', 'dbt')(upper_bound)) }}
{%- endmacro %}
