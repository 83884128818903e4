{#- The set operator for rows that are in both queries (duplicates removed). Dispatched, so a project or package can override it per target. -#}
{% macro intersect() -%}
    {{ return(adapter.dispatch('intersect', 'dbt')()) }}
{%- endmacro %}
