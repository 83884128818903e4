{#- date_diff counts part boundaries crossed, as DATEDIFF does; both sides become timestamps so a date and a timestamp compare. -#}
{% macro duckdb__datediff(first_date, second_date, datepart) -%}
    date_diff('{{ datepart }}', cast({{ first_date }} as timestamp), cast({{ second_date }} as timestamp))
{%- endmacro %}
