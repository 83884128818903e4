{#- Arrays are JSON array texts on SQL Server. JSON_ARRAY needs SQL Server 2022, so each input is appended with JSON_MODIFY (2016+), which writes numbers and bits as JSON numbers and booleans, quotes and escapes text, and (like JSON_ARRAY's default) leaves NULLs out. -#}
{% macro sqlserver__array_construct(inputs, data_type) -%}
    {%- set ns = namespace(sql="N'[]'") -%}
    {%- for input in inputs -%}
    {%- set ns.sql = "json_modify(" ~ ns.sql ~ ", 'append $', " ~ input ~ ")" -%}
    {%- endfor -%}
    {{ ns.sql }}
{%- endmacro %}
