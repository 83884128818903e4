{% macro default__hash(field) -%}
    md5(cast({{ field }} as {{ type_string() }}))
{%- endmacro %}
