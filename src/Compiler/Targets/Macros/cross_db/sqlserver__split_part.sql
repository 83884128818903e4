{#- STRING_SPLIT gives no ordinal before SQL Server 2022, so the text becomes a JSON array and the part is read by index. Parts count from 1; negative parts are not supported. -#}
{% macro sqlserver__split_part(string_text, delimiter_text, part_number) -%}
    json_value(concat(N'["', replace(string_escape({{ string_text }}, 'json'), string_escape({{ delimiter_text }}, 'json'), N'","'), N'"]'), concat(N'$[', {{ part_number }} - 1, N']'))
{%- endmacro %}
