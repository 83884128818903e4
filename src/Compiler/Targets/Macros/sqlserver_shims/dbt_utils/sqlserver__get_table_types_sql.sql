{#- SQL Server reports BASE TABLE and VIEW only; the column is named in capitals for
    case-sensitive collations. -#}
{% macro sqlserver__get_table_types_sql() %}
        case TABLE_TYPE
            when 'BASE TABLE' then 'table'
            else lower(TABLE_TYPE)
        end as {{ adapter.quote('table_type') }}
{% endmacro %}
