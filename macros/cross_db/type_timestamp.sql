{#- A timestamp without time zone. In T-SQL "timestamp" means rowversion, so it cannot be spelled the same. -#}
{% macro type_timestamp() -%}
    {%- if target.type == 'duckdb' -%}
        timestamp
    {%- else -%}
        datetime2(0)
    {%- endif -%}
{%- endmacro %}
