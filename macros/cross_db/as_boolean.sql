{#- Turn a condition into a boolean column. SQL Server has no boolean values, only bit,
    so the condition is wrapped in a CASE there. -#}
{% macro as_boolean(condition) -%}
    {%- if target.type == 'duckdb' -%}
        coalesce({{ condition }}, false)
    {%- else -%}
        cast(case when {{ condition }} then 1 else 0 end as bit)
    {%- endif -%}
{%- endmacro %}
