{#- The timestamp snapshots stamp rows with (dbt_valid_from, dbt_updated_at). Dispatched, so a project or package can override it per target. -#}
{% macro snapshot_get_time() -%}
    {{ return(adapter.dispatch('snapshot_get_time', 'dbt')()) }}
{%- endmacro %}
