{#- Periods whose (log-)change is an outlier against the trailing trend. T-SQL differences: the
    nested WITH becomes a flat chain of CTEs, STDEV replaces STDDEV, and grouping is by expression
    (the period truncation and the group columns) rather than by position. -#}
{% macro sqlserver__test_expect_column_values_to_be_within_n_moving_stdevs(model, column_name, date_column_name, group_by, period, lookback_periods, trend_periods, test_periods, sigma_threshold, sigma_threshold_upper, sigma_threshold_lower, take_diffs, take_logs) %}
{%- set upper = sigma_threshold_upper if sigma_threshold_upper else sigma_threshold -%}
{%- set lower = sigma_threshold_lower if sigma_threshold_lower else -1 * sigma_threshold -%}
{%- set partition_by = 'partition by ' ~ (group_by | join(', ')) if group_by else '' -%}
{%- set period_expr = dbt.date_trunc(period, date_column_name) %}
with grouped_metric_values as (
    select
        {{ period_expr }} as metric_period,
        {%- for g in group_by or [] %}
        {{ g }},
        {%- endfor %}
        sum({{ column_name }}) as agg_metric_value
    from {{ model }}
    group by {{ period_expr }}{% for g in group_by or [] %}, {{ g }}{% endfor %}
),
{%- if take_diffs %}
grouped_metric_values_with_priors as (
    select
        *,
        lag(agg_metric_value, {{ lookback_periods }}) over ({{ partition_by }} order by metric_period) as prior_agg_metric_value
    from grouped_metric_values
),
metric_values as (
    select
        *,
        {{ dbt_expectations._get_metric_expression('agg_metric_value', take_logs) }}
        - {{ dbt_expectations._get_metric_expression('prior_agg_metric_value', take_logs) }} as metric_test_value
    from grouped_metric_values_with_priors
),
{%- else %}
metric_values as (
    select
        *,
        {{ dbt_expectations._get_metric_expression('agg_metric_value', take_logs) }} as metric_test_value
    from grouped_metric_values
),
{%- endif %}
metric_moving_calcs as (
    select
        *,
        avg(metric_test_value) over ({{ partition_by }} order by metric_period rows between {{ trend_periods }} preceding and 1 preceding) as metric_test_rolling_average,
        stdev(metric_test_value) over ({{ partition_by }} order by metric_period rows between {{ trend_periods }} preceding and 1 preceding) as metric_test_rolling_stddev
    from metric_values
),
metric_sigma as (
    select
        *,
        (metric_test_value - metric_test_rolling_average) as metric_test_delta,
        (metric_test_value - metric_test_rolling_average) / nullif(metric_test_rolling_stddev, 0) as metric_test_sigma
    from metric_moving_calcs
)
select *
from metric_sigma
where metric_period >= cast({{ dbt.dateadd(period, -test_periods, dbt.date_trunc(period, dbt_date.now())) }} as {{ dbt_expectations.type_timestamp() }})
    and metric_period < {{ dbt.date_trunc(period, dbt_date.now()) }}
    and not (metric_test_sigma >= {{ lower }} and metric_test_sigma <= {{ upper }})
{% endmacro %}
