{#- split_part with a negative part (counted from the end) for databases whose split_part only counts from the start: the position becomes (number of parts) + 1 + part_number. Not dispatched. -#}
{% macro _split_part_negative(string_text, delimiter_text, part_number) -%}
    split_part({{ string_text }}, {{ delimiter_text }}, length({{ string_text }}) - length(replace({{ string_text }}, {{ delimiter_text }}, '')) + 2 + {{ part_number }})
{%- endmacro %}
