{#- Number of characters of a text. Dispatched, so a project or package can override it per target. -#}
{% macro length(expression) -%}
    {{ return(adapter.dispatch('length', 'dbt')(expression)) }}
{%- endmacro %}
