{#- DATENAME follows the session language (English by default); the short form is its first three
    letters, as Postgres' 'Dy'. -#}
{% macro sqlserver__day_name(date, short) -%}
    {%- if short -%}
    left(datename(weekday, {{ date }}), 3)
    {%- else -%}
    datename(weekday, {{ date }})
    {%- endif -%}
{%- endmacro %}
