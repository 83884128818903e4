{#- Text with single quotes doubled, to put inside a SQL string literal. Dispatched, so a project or package can override it per target. -#}
{% macro escape_single_quotes(expression) -%}
    {{ return(adapter.dispatch('escape_single_quotes', 'dbt')(expression)) }}
{%- endmacro %}
