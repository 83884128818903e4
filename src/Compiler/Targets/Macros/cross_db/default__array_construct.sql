{#- An empty array has no element to take a type from, so it is cast to data_type[]. -#}
{% macro default__array_construct(inputs, data_type) -%}
    {%- if inputs | length > 0 -%}
    array[{{ inputs | join(', ') }}]
    {%- else -%}
    array[]::{{ data_type }}[]
    {%- endif -%}
{%- endmacro %}
