{#- value as a SQL string literal; quotes inside are not escaped (see escape_single_quotes). Dispatched, so a project or package can override it per target. -#}
{% macro string_literal(value) -%}
    {{ return(adapter.dispatch('string_literal', 'dbt')(value)) }}
{%- endmacro %}
