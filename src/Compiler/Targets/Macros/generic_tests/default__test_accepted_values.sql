{#- One failing row per distinct value outside the list, with how often it occurs. NULLs pass. -#}
{% macro default__test_accepted_values(model, column_name, values, quote=true) -%}
with value_counts as (
    select {{ column_name }} as value_field, count(*) as n_records
    from {{ model }}
    group by {{ column_name }}
)
select *
from value_counts
where value_field not in (
    {%- for value in values -%}
        {%- if quote -%}'{{ value | replace("'", "''") }}'{%- else -%}{{ value }}{%- endif -%}
        {%- if not loop.last %}, {% endif -%}
    {%- endfor -%}
)
{%- endmacro %}
