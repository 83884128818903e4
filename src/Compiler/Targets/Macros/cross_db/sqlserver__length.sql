{#- LEN ignores trailing spaces, as dbt-sqlserver does; DATALENGTH would count bytes. -#}
{% macro sqlserver__length(expression) -%}
    len({{ expression }})
{%- endmacro %}
