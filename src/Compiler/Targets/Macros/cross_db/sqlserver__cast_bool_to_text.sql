{#- A bit casts to '1'/'0'; dbt's contract is the words. -#}
{% macro sqlserver__cast_bool_to_text(field) -%}
    case {{ field }} when 1 then 'true' when 0 then 'false' end
{%- endmacro %}
