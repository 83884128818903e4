{#- T-SQL has no TO_DATE; DATEFROMPARTS takes expressions too, so the parts may be columns. -#}
{% macro sqlserver__date(year, month, day) -%}
    datefromparts({{ year }}, {{ month }}, {{ day }})
{%- endmacro %}
