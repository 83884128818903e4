{#- The set operator for rows of the first query that are not in the second (duplicates removed). Dispatched, so a project or package can override it per target. -#}
{% macro except() -%}
    {{ return(adapter.dispatch('except', 'dbt')()) }}
{%- endmacro %}
