{#- T-SQL spells the sample standard deviation STDEV. -#}
{% macro sqlserver__test_expect_column_stdev_to_be_between(model, column_name, min_value, max_value, group_by, row_condition, strictly) %}
{{ dbt_expectations.expression_between(model,
    expression='stdev(' ~ column_name ~ ')',
    min_value=min_value,
    max_value=max_value,
    group_by_columns=group_by,
    row_condition=row_condition,
    strictly=strictly) }}
{% endmacro %}
