{#- Rows (or groups) whose z-score exceeds the threshold. T-SQL: STDEV, and grouping by the
    columns themselves rather than their positions. -#}
{% macro sqlserver__test_expect_column_values_to_be_within_n_stdevs(model, column_name, group_by, sigma_threshold) %}
with metric_values as (
    select
        {%- for g in group_by or [] %}
        {{ g }},
        {%- endfor %}
        sum({{ column_name }}) as {{ column_name }}
    from {{ model }}
    {%- if group_by %}
    group by {{ group_by | join(', ') }}
    {%- endif %}
),
metric_values_with_statistics as (
    select
        *,
        avg({{ column_name }}) over () as {{ column_name }}_average,
        stdev({{ column_name }}) over () as {{ column_name }}_stddev
    from metric_values
),
metric_values_z_scores as (
    select
        *,
        ({{ column_name }} - {{ column_name }}_average) / nullif({{ column_name }}_stddev, 0) as {{ column_name }}_sigma
    from metric_values_with_statistics
)
select *
from metric_values_z_scores
where abs({{ column_name }}_sigma) > {{ sigma_threshold }}
{% endmacro %}
