{#- T-SQL has no boolean column type; BIT holds 1/0. -#}
{% macro sqlserver__type_boolean() -%}
    bit
{%- endmacro %}
