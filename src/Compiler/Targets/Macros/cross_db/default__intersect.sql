{% macro default__intersect() -%}
    intersect
{%- endmacro %}
