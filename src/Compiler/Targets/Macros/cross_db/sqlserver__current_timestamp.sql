{#- SYSDATETIME is datetime2(7); CURRENT_TIMESTAMP would be the older, coarser datetime. -#}
{% macro sqlserver__current_timestamp() -%}
    sysdatetime()
{%- endmacro %}
