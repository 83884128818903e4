{#- field cast to type (a SQL type name, e.g. type_int()). Dispatched, so a project or package can override it per target. -#}
{% macro cast(field, type) -%}
    {{ return(adapter.dispatch('cast', 'dbt')(field, type)) }}
{%- endmacro %}
