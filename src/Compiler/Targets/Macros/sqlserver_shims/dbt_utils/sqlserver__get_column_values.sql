{#- Same contract as dbt_utils (values of a column, most frequent first, or the default when the
    relation is missing); T-SQL caps rows with TOP, not LIMIT. The existence check is dbt's
    load_relation spelled out, so the shim needs only adapter.get_relation. -#}
{% macro sqlserver__get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none) -%}
    {%- if not execute -%}
        {{ return(default if default else []) }}
    {%- endif -%}
    {%- do dbt_utils._is_ephemeral(table, 'get_column_values') -%}
    {%- set exists = adapter.get_relation(database=table.database, schema=table.schema, identifier=table.identifier) is not none -%}
    {%- if not exists and default is none -%}
        {{ exceptions.raise_compiler_error("In get_column_values(): relation " ~ table ~ " does not exist and no default value was provided.") }}
    {%- elif not exists -%}
        {{ log("Relation " ~ table ~ " does not exist. Returning the default value: " ~ default) }}
        {{ return(default) }}
    {%- endif -%}
    {%- call statement('get_column_values', fetch_result=true) -%}
        select {% if max_records is not none %}top ({{ max_records }}) {% endif %}{{ column }} as value
        from {{ table }}
        {%- if where is not none %}
        where {{ where }}
        {%- endif %}
        group by {{ column }}
        order by {{ order_by }}
    {%- endcall -%}
    {%- set result = load_result('get_column_values') -%}
    {%- if result and result['data'] -%}
        {{ return(result['data'] | map(attribute=0) | list) }}
    {%- endif -%}
    {{ return(default) }}
{%- endmacro %}
