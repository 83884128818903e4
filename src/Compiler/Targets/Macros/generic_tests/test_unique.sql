{#- Built-in generic test `unique` (what `{% test unique %}` defines): a project test_unique or default__test_unique replaces it. -#}
{% macro test_unique(model, column_name) -%}
    {{ adapter.dispatch('test_unique', 'dbt')(model, column_name) }}
{%- endmacro %}
