{#- Payment systems store money as integer cents; analysts want currency units.
    Dividing by 100.0 (not 100) keeps SQL Server from doing integer division. -#}
{% macro cents_to_currency(column_name, scale=2) -%}
    cast({{ column_name }} / 100.0 as decimal(12, {{ scale }}))
{%- endmacro %}
