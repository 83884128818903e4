{#- Built-in generic test `not_null`: a project macro named test_not_null or default__test_not_null replaces it. -#}
{% macro test_not_null(model, column_name) -%}
    {{ adapter.dispatch('test_not_null', 'dbt')(model, column_name) }}
{%- endmacro %}
