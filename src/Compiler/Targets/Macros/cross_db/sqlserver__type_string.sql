{#- Sized on purpose: a bare VARCHAR in a CAST is 30 characters and truncates silently; 4000 is the longest NVARCHAR that can still be indexed. -#}
{% macro sqlserver__type_string() -%}
    nvarchar(4000)
{%- endmacro %}
