{#- In T-SQL "timestamp" means rowversion; datetime2(6) keeps microseconds like other databases. -#}
{% macro sqlserver__type_timestamp() -%}
    datetime2(6)
{%- endmacro %}
