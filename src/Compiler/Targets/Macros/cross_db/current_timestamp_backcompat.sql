{#- Deprecated in dbt: the current timestamp without time zone, as dbt_utils once gave it. Dispatched, so a project or package can override it per target. -#}
{% macro current_timestamp_backcompat() -%}
    {{ return(adapter.dispatch('current_timestamp_backcompat', 'dbt')()) }}
{%- endmacro %}
