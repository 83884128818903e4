{#- T-SQL's DATEADD takes the part as a bare word (day, not 'day'), which is how dbt passes it. -#}
{% macro sqlserver__dateadd(datepart, interval, from_date_or_timestamp) -%}
    dateadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}
