{#- T-SQL has no NATURAL JOIN, QUALIFY or DISTINCT ON. TOP (1) WITH TIES ordered by the row number
    keeps every row numbered 1 and returns only the relation's own columns; with TOP, the ORDER BY
    is also allowed inside views, CTEs and subqueries. Works for CTE names as well as relations. -#}
{% macro sqlserver__deduplicate(relation, partition_by, order_by) -%}
    select top (1) with ties *
    from {{ relation }}
    order by row_number() over (
        partition by {{ partition_by }}
        order by {{ order_by }}
    )
{%- endmacro %}
