{#- A boolean as the text 'true' or 'false'. Dispatched, so a project or package can override it per target. -#}
{% macro cast_bool_to_text(field) -%}
    {{ return(adapter.dispatch('cast_bool_to_text', 'dbt')(field)) }}
{%- endmacro %}
