{#- T-SQL has regular expressions from SQL Server 2025 (and Azure SQL): REGEXP_INSTR(source,
    pattern, start, occurrence, return_option, flags). Older servers reject the call when the test
    runs; there is no LIKE equivalent to fall back on. T-SQL strings have no backslash escapes, so
    raw and plain patterns are the same text; quotes are doubled. -#}
{% macro sqlserver__regexp_instr(source_value, regexp, position, occurrence, is_raw, flags) -%}
    regexp_instr({{ source_value }}, '{{ regexp | replace("'", "''") }}', {{ position }}, {{ occurrence }}, 0{% if flags %}, '{{ flags }}'{% endif %})
{%- endmacro %}
