{#- 1-based position of substring_text in string_text; 0 when absent. Dispatched, so a project or package can override it per target. -#}
{% macro position(substring_text, string_text) -%}
    {{ return(adapter.dispatch('position', 'dbt')(substring_text, string_text)) }}
{%- endmacro %}
