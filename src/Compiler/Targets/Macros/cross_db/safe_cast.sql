{#- A cast that gives NULL instead of an error when the value does not convert. Dispatched, so a project or package can override it per target. -#}
{% macro safe_cast(field, type) -%}
    {{ return(adapter.dispatch('safe_cast', 'dbt')(field, type)) }}
{%- endmacro %}
