{#- DATEDIFF_BIG (SQL Server 2016+): seconds since 1970 overflow int after 2038. -#}
{% macro sqlserver__to_unixtimestamp(timestamp) -%}
    datediff_big(second, cast('1970-01-01' as datetime2), {{ timestamp }})
{%- endmacro %}
