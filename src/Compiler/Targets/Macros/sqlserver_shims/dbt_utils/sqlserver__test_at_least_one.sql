{#- T-SQL nests no WITH inside a subquery and has no LIMIT: the pruned rows are a derived table,
    capped with TOP (1) when there is no grouping (one non-null value is enough to pass). -#}
{% macro sqlserver__test_at_least_one(model, column_name, group_by_columns) %}
{%- set columns = group_by_columns | list -%}
{%- if column_name not in columns %}{% do columns.append(column_name) %}{% endif -%}
select
    {%- for c in group_by_columns %}
    {{ c }},
    {%- endfor %}
    count({{ column_name }}) as filler_column
from (
    select {% if group_by_columns | length == 0 %}top (1) {% endif %}{{ columns | join(', ') }}
    from {{ model }}
    {%- if group_by_columns | length == 0 %}
    where {{ column_name }} is not null
    {%- endif %}
) as pruned_rows
{%- if group_by_columns | length > 0 %}
group by {{ group_by_columns | join(', ') }}
{%- endif %}
having count({{ column_name }}) = 0
{% endmacro %}
