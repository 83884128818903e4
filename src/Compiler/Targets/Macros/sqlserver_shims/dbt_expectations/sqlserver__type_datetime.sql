{#- DATETIME2 rather than the legacy DATETIME (3.33 ms precision, no dates before 1753). -#}
{% macro sqlserver__type_datetime() -%}
    datetime2
{%- endmacro %}
