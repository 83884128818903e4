{#- Arrays are JSON array texts on SQL Server. JSON_ARRAY needs SQL Server 2022, so each input is appended with JSON_MODIFY (2016+), which writes numbers and bits as JSON numbers and booleans, and quotes and escapes text. A NULL element meets JSON_MODIFY's lax rule for NULL (remove, not add): not checked against a live server. -#}
{% macro sqlserver__array_construct(inputs, data_type) -%}
    {%- set ns = namespace(sql="N'[]'") -%}
    {%- for input in inputs -%}
    {%- set ns.sql = "json_modify(" ~ ns.sql ~ ", 'append $', " ~ input ~ ")" -%}
    {%- endfor -%}
    {{ ns.sql }}
{%- endmacro %}
