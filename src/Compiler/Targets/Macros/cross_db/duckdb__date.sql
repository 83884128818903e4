{#- make_date takes expressions too, so the parts may be columns. -#}
{% macro duckdb__date(year, month, day) -%}
    make_date({{ year }}, {{ month }}, {{ day }})
{%- endmacro %}
