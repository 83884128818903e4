{#- dbt-sqlserver keeps dbt's default, whose :: cast is not T-SQL; this is the same value in T-SQL. -#}
{% macro sqlserver__current_timestamp_backcompat() -%}
    cast(sysdatetime() as datetime2(6))
{%- endmacro %}
