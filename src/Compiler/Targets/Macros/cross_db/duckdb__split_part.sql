{#- As dbt-duckdb: list indexing, so a negative part counts from the end and a part past the end is NULL (DuckDB's split_part would give ''). -#}
{% macro duckdb__split_part(string_text, delimiter_text, part_number) -%}
    string_split({{ string_text }}, {{ delimiter_text }})[{{ part_number }}]
{%- endmacro %}
