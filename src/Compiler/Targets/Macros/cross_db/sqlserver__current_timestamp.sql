{#- SYSDATETIME is datetime2(7); cast to datetime2(6), as dbt-sqlserver does and as type_timestamp() is. CURRENT_TIMESTAMP would be the older, coarser datetime. -#}
{% macro sqlserver__current_timestamp() -%}
    cast(sysdatetime() as datetime2(6))
{%- endmacro %}
