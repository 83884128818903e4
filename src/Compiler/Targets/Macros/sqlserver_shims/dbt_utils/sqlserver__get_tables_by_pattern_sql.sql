{#- No ILIKE in T-SQL: LIKE follows the database collation, which is case-insensitive by default.
    INFORMATION_SCHEMA names are written in capitals so case-sensitive collations find them too. -#}
{% macro sqlserver__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) %}
    select distinct
        TABLE_SCHEMA as {{ adapter.quote('table_schema') }},
        TABLE_NAME as {{ adapter.quote('table_name') }},
        {{ dbt_utils.get_table_types_sql() }}
    from {{ adapter.quote(database) }}.INFORMATION_SCHEMA.TABLES
    where TABLE_SCHEMA like '{{ schema_pattern }}'
    and TABLE_NAME like '{{ table_pattern }}'
    and TABLE_NAME not like '{{ exclude }}'
{% endmacro %}
