{#- Built-in generic test `unique`: a project macro named test_unique or default__test_unique replaces it. -#}
{% test unique(model, column_name) -%}
    {{ adapter.dispatch('test_unique', 'dbt')(model, column_name) }}
{%- endtest %}
