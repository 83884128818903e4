{#- Built-in generic test `relationships`: every non-NULL value must exist in `field` of `to`. -#}
{% macro test_relationships(model, column_name, to, field) -%}
    {{ adapter.dispatch('test_relationships', 'dbt')(model, column_name, to, field) }}
{%- endmacro %}
