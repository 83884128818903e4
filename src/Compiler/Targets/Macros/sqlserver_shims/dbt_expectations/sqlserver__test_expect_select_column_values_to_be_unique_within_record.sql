{#- Rows where two of the listed columns hold the same value. T-SQL: GROUP BY by name. -#}
{% macro sqlserver__test_expect_select_column_values_to_be_unique_within_record(model, column_list, quote_columns, ignore_row_if, row_condition) %}
{%- set columns = [] -%}
{%- for column in column_list -%}
    {%- do columns.append(adapter.quote(column) if quote_columns else column) -%}
{%- endfor %}
with column_values as (
    select
        row_number() over (order by {{ columns | join(', ') }}) as row_index,
        {{ columns | join(', ') }}
    from {{ model }}
    where
        {%- if row_condition %}
        {{ row_condition }} and
        {%- endif %}
        {{ dbt_expectations.ignore_row_if_expression(ignore_row_if, columns) }}
),
unpivot_columns as (
    {%- for column in columns %}
    select row_index, '{{ column | replace("'", "''") }}' as column_name, {{ dbt_expectations.md5(column) }} as column_value from column_values
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),
validation_errors as (
    select row_index, count(distinct column_value) as column_values
    from unpivot_columns
    group by row_index
    having count(distinct column_value) < {{ columns | length }}
)
select * from validation_errors
{% endmacro %}
