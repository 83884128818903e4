{#- SYSUTCDATETIME is the server's clock in UTC. -#}
{% macro sqlserver__current_timestamp_in_utc_backcompat() -%}
    cast(sysutcdatetime() as datetime2(6))
{%- endmacro %}
