{% macro default__concat(fields) -%}
    concat({{ fields | join(', ') }})
{%- endmacro %}
