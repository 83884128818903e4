{#- JSON_MODIFY's append mode adds one element at the end of a JSON array text. -#}
{% macro sqlserver__array_append(array, new_element) -%}
    json_modify({{ array }}, 'append $', {{ new_element }})
{%- endmacro %}
