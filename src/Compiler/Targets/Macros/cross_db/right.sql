{#- The last length_expression characters of string_text. Dispatched, so a project or package can override it per target. -#}
{% macro right(string_text, length_expression) -%}
    {{ return(adapter.dispatch('right', 'dbt')(string_text, length_expression)) }}
{%- endmacro %}
