{#- Values of a group joined by delimiter_text (a SQL string expression), in order_by_clause order. Dispatched, so a project or package can override it per target. -#}
{% macro listagg(measure, delimiter_text="','", order_by_clause=none, limit_num=none) -%}
    {{ return(adapter.dispatch('listagg', 'dbt')(measure, delimiter_text, order_by_clause, limit_num)) }}
{%- endmacro %}
