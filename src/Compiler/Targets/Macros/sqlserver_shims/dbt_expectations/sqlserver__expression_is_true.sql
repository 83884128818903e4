{#- dbt_expectations' check that an expression holds per row or per group. The expression arrives
    as a 0/1 flag (see sqlserver__truth_expression), so a test condition comparing with true or
    false (T-SQL has neither literal; "= true" is the default) compares with 1 or 0. -#}
{% macro sqlserver__expression_is_true(model, expression, test_condition, group_by_columns, row_condition) -%}
{%- set parts = test_condition | trim | lower | replace(' ', '') -%}
{%- if parts in ('=true', '=false', '!=true', '!=false', '<>true', '<>false') -%}
    {%- set condition = parts[:-5] ~ ' 0' if parts.endswith('false') else parts[:-4] ~ ' 1' -%}
{%- else -%}
    {%- set condition = test_condition -%}
{%- endif -%}
with grouped_expression as (
    select
        {%- for column in group_by_columns or [] %}
        {{ column }} as col_{{ loop.index }},
        {%- endfor %}
        {{ dbt_expectations.truth_expression(expression) }}
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
    {%- if group_by_columns %}
    group by {{ group_by_columns | join(', ') }}
    {%- endif %}
),
validation_errors as (
    select *
    from grouped_expression
    where not (expression {{ condition }})
)
select *
from validation_errors
{%- endmacro %}
