{#- field with every old_chars replaced by new_chars. Dispatched, so a project or package can override it per target. -#}
{% macro replace(field, old_chars, new_chars) -%}
    {{ return(adapter.dispatch('replace', 'dbt')(field, old_chars, new_chars)) }}
{%- endmacro %}
