{#- The date is checked while compiling (date(2023, 2, 30) is an error), then written as ISO text. -#}
{% macro default__date(year, month, day) -%}
    {%- set checked = modules.datetime.date(year, month, day) -%}
    to_date('{{ checked.strftime("%Y-%m-%d") }}', 'YYYY-MM-DD')
{%- endmacro %}
