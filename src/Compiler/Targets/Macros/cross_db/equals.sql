{#- A condition: expr1 equals expr2. With the project flag enable_truthy_nulls_equals_macro, two NULLs are equal too. Dispatched, so a project or package can override it per target. -#}
{% macro equals(expr1, expr2) -%}
    {{ return(adapter.dispatch('equals', 'dbt')(expr1, expr2)) }}
{%- endmacro %}
