{#- nvarchar(max): a bare VARCHAR in a CAST is 30 characters, and any fixed length truncates longer
    text silently (generate_surrogate_key casts each field to this type, so strings differing only
    after the limit would share a key). -#}
{% macro sqlserver__type_string() -%}
    nvarchar(max)
{%- endmacro %}
