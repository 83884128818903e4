{#- The part_number-th (1-based) piece of string_text split at delimiter_text. Dispatched, so a project or package can override it per target. -#}
{% macro split_part(string_text, delimiter_text, part_number) -%}
    {{ return(adapter.dispatch('split_part', 'dbt')(string_text, delimiter_text, part_number)) }}
{%- endmacro %}
