{#- The elements of array_1 followed by those of array_2 (JSON array texts on SQL Server). Dispatched, so a project or package can override it per target. -#}
{% macro array_concat(array_1, array_2) -%}
    {{ return(adapter.dispatch('array_concat', 'dbt')(array_1, array_2)) }}
{%- endmacro %}
