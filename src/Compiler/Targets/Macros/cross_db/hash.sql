{#- The MD5 of a value's text, as 32 lowercase hex characters (NULL stays NULL). Dispatched, so a project or package can override it per target. -#}
{% macro hash(field) -%}
    {{ return(adapter.dispatch('hash', 'dbt')(field)) }}
{%- endmacro %}
