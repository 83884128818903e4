{#- array with new_element added at the end (a JSON array text on SQL Server). Dispatched, so a project or package can override it per target. -#}
{% macro array_append(array, new_element) -%}
    {{ return(adapter.dispatch('array_append', 'dbt')(array, new_element)) }}
{%- endmacro %}
