{#- Built-in generic test `accepted_values`: values (a list) and quote (default true). -#}
{% macro test_accepted_values(model, column_name, values, quote=true) -%}
    {{ adapter.dispatch('test_accepted_values', 'dbt')(model, column_name, values, quote) }}
{%- endmacro %}
