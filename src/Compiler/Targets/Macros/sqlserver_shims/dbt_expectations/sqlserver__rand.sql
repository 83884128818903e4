{#- RAND() without a seed is evaluated once per query in T-SQL; seeding it from NEWID() gives a
    value per row, as random() does elsewhere. -#}
{% macro sqlserver__rand() -%}
    rand(checksum(newid()))
{%- endmacro %}
