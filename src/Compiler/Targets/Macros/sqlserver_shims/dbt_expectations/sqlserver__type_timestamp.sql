{#- TIMESTAMP in T-SQL is rowversion, not a date and time. -#}
{% macro sqlserver__type_timestamp() -%}
    datetime2
{%- endmacro %}
