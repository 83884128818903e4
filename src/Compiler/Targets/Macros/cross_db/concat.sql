{#- The fields (a list of SQL expressions) concatenated; NULL counts as an empty string. Dispatched, so a project or package can override it per target. -#}
{% macro concat(fields) -%}
    {{ return(adapter.dispatch('concat', 'dbt')(fields)) }}
{%- endmacro %}
