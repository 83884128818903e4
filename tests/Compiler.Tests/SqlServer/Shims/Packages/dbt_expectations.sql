{#- A small stand-in for dbt_expectations, shaped like it: public macros and tests dispatch into
    the 'dbt_expectations' namespace; default__ bodies are SQL that T-SQL rejects (boolean select
    items, positional GROUP BY, STDDEV, LN, true literals). Written for these tests. -#}

{% macro truth_expression(expression) %}{{ adapter.dispatch('truth_expression', 'dbt_expectations')(expression) }}{% endmacro %}
{% macro default__truth_expression(expression) %}{{ expression }} as expression{% endmacro %}

{% test expression_is_true(model, expression, test_condition="= true", group_by_columns=None, row_condition=None) %}
    {{ dbt_expectations.expression_is_true(model, expression, test_condition, group_by_columns, row_condition) }}
{% endtest %}
{% macro expression_is_true(model, expression, test_condition="= true", group_by_columns=None, row_condition=None) %}
    {{- adapter.dispatch('expression_is_true', 'dbt_expectations')(model, expression, test_condition, group_by_columns, row_condition) -}}
{% endmacro %}
{% macro default__expression_is_true(model, expression, test_condition, group_by_columns, row_condition) %}
    select {{ dbt_expectations.truth_expression(expression) }} from {{ model }} group by 1 having not (expression {{ test_condition }})
{% endmacro %}

{% macro expression_between(model, expression, min_value=None, max_value=None, group_by_columns=None, row_condition=None, strictly=False) %}
    {%- set op = '' if strictly else '=' -%}
    {%- set checks = [] -%}
    {%- if min_value is not none %}{% do checks.append(expression ~ ' >' ~ op ~ ' ' ~ min_value) %}{% endif -%}
    {%- if max_value is not none %}{% do checks.append(expression ~ ' <' ~ op ~ ' ' ~ max_value) %}{% endif -%}
    {{ dbt_expectations.expression_is_true(model, checks | join(' and '), group_by_columns=group_by_columns, row_condition=row_condition) }}
{% endmacro %}

{% macro get_select(model, expression, row_condition, group_by) %}{{ adapter.dispatch('get_select', 'dbt_expectations')(model, expression, row_condition, group_by) }}{% endmacro %}
{% macro default__get_select(model, expression, row_condition, group_by) %}select {{ group_by | join(', ') }}, {{ expression }} as expression from {{ model }} group by 1{% endmacro %}

{% macro percentile_cont(field, quantile, partition=None) %}{{ adapter.dispatch('quantile', 'dbt_expectations')(field, quantile, partition) }}{% endmacro %}
{% macro default__quantile(field, quantile, partition) %}percentile_cont({{ quantile }}) within group (order by {{ field }}) filter (where true){% endmacro %}

{% macro rand() %}{{ adapter.dispatch('rand', 'dbt_expectations')() }}{% endmacro %}
{% macro default__rand() %}random() + interval '0'{% endmacro %}

{% macro log_natural(x) %}{{ adapter.dispatch('log_natural', 'dbt_expectations')(x) }}{% endmacro %}
{% macro default__log_natural(x) %}ln({{ x }}) + interval '0'{% endmacro %}

{% macro type_timestamp() %}{{ adapter.dispatch('type_timestamp', 'dbt_expectations')() }}{% endmacro %}
{% macro default__type_timestamp() %}timestamp{% endmacro %}

{% macro type_datetime() %}{{ adapter.dispatch('type_datetime', 'dbt_expectations')() }}{% endmacro %}
{% macro default__type_datetime() %}timestamp without time zone{% endmacro %}

{% macro md5(string_value) %}{{ adapter.dispatch('md5', 'dbt_expectations')(string_value) }}{% endmacro %}
{% macro default__md5(string_value) %}{{ dbt.hash(string_value) }}{% endmacro %}

{% macro regexp_instr(source_value, regexp, position=1, occurrence=1, is_raw=False, flags="") %}{{ adapter.dispatch('regexp_instr', 'dbt_expectations')(source_value, regexp, position, occurrence, is_raw, flags) }}{% endmacro %}
{% macro default__regexp_instr(source_value, regexp, position, occurrence, is_raw, flags) %}{{ source_value }} ~ '{{ regexp }}'{% endmacro %}

{% macro ignore_row_if_expression(ignore_row_if, columns) %}{{ adapter.dispatch('ignore_row_if_expression', 'dbt_expectations')(ignore_row_if, columns) }}{% endmacro %}
{% macro default__ignore_row_if_expression(ignore_row_if, columns) %}
    {%- set op = 'and' if ignore_row_if == 'all_values_are_missing' else 'or' -%}
    not ({% for c in columns %}{{ c }} is null{% if not loop.last %} {{ op }} {% endif %}{% endfor %})
{% endmacro %}

{% macro _get_metric_expression(metric_column, take_logs) %}
    {%- if take_logs -%}coalesce({{ dbt_expectations.log_natural('nullif(' ~ metric_column ~ ', 0)') }}, 0){%- else -%}coalesce({{ metric_column }}, 0){%- endif -%}
{% endmacro %}

{% test expect_column_stdev_to_be_between(model, column_name, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) %}
    {{ adapter.dispatch('test_expect_column_stdev_to_be_between', 'dbt_expectations')(model, column_name, min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}
{% macro default__test_expect_column_stdev_to_be_between(model, column_name, min_value, max_value, group_by, row_condition, strictly) %}
    {{ dbt_expectations.expression_between(model, 'stddev(' ~ column_name ~ ')', min_value, max_value, group_by, row_condition, strictly) }}
{% endmacro %}

{% test expect_column_values_to_be_within_n_stdevs(model, column_name, group_by=None, sigma_threshold=3) %}
    {{ adapter.dispatch('test_expect_column_values_to_be_within_n_stdevs', 'dbt_expectations')(model, column_name, group_by, sigma_threshold) }}
{% endtest %}
{% macro default__test_expect_column_values_to_be_within_n_stdevs(model, column_name, group_by, sigma_threshold) %}
    select stddev({{ column_name }}) over () as s from {{ model }} group by 1
{% endmacro %}

{% test expect_column_values_to_be_within_n_moving_stdevs(model, column_name, date_column_name, group_by=None, period='day', lookback_periods=1, trend_periods=7, test_periods=14, sigma_threshold=3, sigma_threshold_upper=None, sigma_threshold_lower=None, take_diffs=true, take_logs=true) %}
    {{ adapter.dispatch('test_expect_column_values_to_be_within_n_moving_stdevs', 'dbt_expectations')(model, column_name, date_column_name, group_by, period, lookback_periods, trend_periods, test_periods, sigma_threshold, sigma_threshold_upper, sigma_threshold_lower, take_diffs, take_logs) }}
{% endtest %}
{% macro default__test_expect_column_values_to_be_within_n_moving_stdevs(model, column_name, date_column_name, group_by, period, lookback_periods, trend_periods, test_periods, sigma_threshold, sigma_threshold_upper, sigma_threshold_lower, take_diffs, take_logs) %}
    with m as (with g as (select 1 as x) select * from g) select stddev(x) from m group by 1
{% endmacro %}

{% test expect_select_column_values_to_be_unique_within_record(model, column_list, quote_columns=False, ignore_row_if="all_values_are_missing", row_condition=None) %}
    {{ adapter.dispatch('test_expect_select_column_values_to_be_unique_within_record', 'dbt_expectations')(model, column_list, quote_columns, ignore_row_if, row_condition) }}
{% endtest %}
{% macro default__test_expect_select_column_values_to_be_unique_within_record(model, column_list, quote_columns, ignore_row_if, row_condition) %}
    select row_index from {{ model }} group by 1
{% endmacro %}

{% test expect_grouped_row_values_to_have_recent_data(model, group_by, timestamp_column, datepart, interval, row_condition=None) %}
    {{ adapter.dispatch('test_expect_grouped_row_values_to_have_recent_data', 'dbt_expectations')(model, group_by, timestamp_column, datepart, interval, row_condition) }}
{% endtest %}
{% macro default__test_expect_grouped_row_values_to_have_recent_data(model, group_by, timestamp_column, datepart, interval, row_condition) %}
    select {{ group_by | join(', ') }}, max({{ timestamp_column }})::timestamp from {{ model }} group by 1
{% endmacro %}
