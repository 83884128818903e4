{% macro sqlserver__month_name(date, short) -%}
    {%- if short -%}
    left(datename(month, {{ date }}), 3)
    {%- else -%}
    datename(month, {{ date }})
    {%- endif -%}
{%- endmacro %}
