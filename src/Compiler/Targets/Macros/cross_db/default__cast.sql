{% macro default__cast(field, type) -%}
    cast({{ field }} as {{ type }})
{%- endmacro %}
