{% macro default__cast_bool_to_text(field) -%}
    cast({{ field }} as {{ type_string() }})
{%- endmacro %}
