{#- STRING_SPLIT gives no ordinal before SQL Server 2022, so the text becomes a JSON array and the part is read by index. Parts count from 1; a negative part (a number written in the model) counts from the end, as in dbt-sqlserver. A part past either end is NULL. -#}
{% macro sqlserver__split_part(string_text, delimiter_text, part_number) -%}
    {%- set parts = "concat(N'[\"', replace(string_escape(" ~ string_text ~ ", 'json'), string_escape(" ~ delimiter_text ~ ", 'json'), N'\",\"'), N'\"]')" -%}
    {%- if part_number is number and part_number < 0 -%}
    (select [value] from openjson({{ parts }}) order by cast([key] as int) desc offset {{ -1 - part_number }} rows fetch next 1 rows only)
    {%- else -%}
    json_value({{ parts }}, concat(N'$[', {{ part_number }} - 1, N']'))
    {%- endif -%}
{%- endmacro %}
