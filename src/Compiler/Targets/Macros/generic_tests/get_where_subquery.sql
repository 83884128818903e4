{#- What a generic test reads as `model`: the relation, or a filtered subquery when the test has a `where` config. -#}
{% macro get_where_subquery(relation) -%}
    {{ return(adapter.dispatch('get_where_subquery', 'dbt')(relation)) }}
{%- endmacro %}
