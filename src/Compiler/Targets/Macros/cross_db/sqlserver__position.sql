{% macro sqlserver__position(substring_text, string_text) -%}
    charindex({{ substring_text }}, {{ string_text }})
{%- endmacro %}
