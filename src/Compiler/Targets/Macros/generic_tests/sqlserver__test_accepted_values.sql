{#- SQL Server: the values are N'' literals. A plain '' literal is converted to the database's code
    page, so a valid value outside it ('Łódź' under Latin1) would never match and be reported. -#}
{% macro sqlserver__test_accepted_values(model, column_name, values, quote=true) -%}
with value_counts as (
    select {{ column_name }} as value_field, count(*) as n_records
    from {{ model }}
    group by {{ column_name }}
)
select *
from value_counts
where value_field not in (
    {%- for value in values -%}
        {%- if quote -%}N'{{ value | replace("'", "''") }}'{%- else -%}{{ value }}{%- endif -%}
        {%- if not loop.last %}, {% endif -%}
    {%- endfor -%}
)
{%- endmacro %}
