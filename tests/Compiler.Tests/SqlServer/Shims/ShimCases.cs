using static ModelForge.Compiler.Tests.SqlServer.Shims.ShimShape;

namespace ModelForge.Compiler.Tests.SqlServer.Shims;

/// <summary>Every shimmed macro, called the way the packages document it.</summary>
internal static class ShimCases
{
    public static readonly ShimCase[] DbtUtils =
    [
        new("generate_series", "{{ dbt_utils.generate_series(10) }}", NestableQuery),
        new("date_spine", "{{ dbt_utils.date_spine('day', \"cast('2024-01-01' as date)\", \"cast('2024-01-11' as date)\") }}", NestableQuery),
        new("date_spine month", "{{ dbt_utils.date_spine('month', \"cast('2024-01-01' as date)\", 'getdate()') }}", NestableQuery),
        new("deduplicate", "{{ dbt_utils.deduplicate(ref('orders'), 'customer_id', 'updated_at desc') }}", NestableQuery),
        new("deduplicate cte", "with src as (select * from t)\n{{ dbt_utils.deduplicate('src', 'a, b', 'ts desc') }}", Query),
        new("width_bucket", "{{ dbt_utils.width_bucket('amount', 0, 100, 10) }}", Expression),
        new("get_tables_by_pattern_sql", "{{ dbt_utils.get_tables_by_pattern_sql('stg%', 'orders%', 'orders_old') }}", NestableQuery),
        new("get_column_values", "{% set values = dbt_utils.get_column_values(ref('orders'), 'status', max_records=5) %}select {{ values | length }} as n", Query),
        new("test_at_least_one", "{{ dbt_utils.test_at_least_one(ref('orders'), 'id') }}", NestableQuery),
        new("test_at_least_one grouped", "{{ dbt_utils.test_at_least_one(ref('orders'), 'id', group_by_columns=['region', 'day']) }}", NestableQuery),
        new("test_mutually_exclusive_ranges", "{{ dbt_utils.test_mutually_exclusive_ranges(ref('orders'), 'lo', 'hi') }}", Query),
        new("test_mutually_exclusive_ranges gaps", "{{ dbt_utils.test_mutually_exclusive_ranges(ref('orders'), 'lo', 'hi', partition_by='k', gaps='not_allowed', zero_length_range_allowed=True) }}", Query),
    ];

    public static readonly ShimCase[] DbtDate =
    [
        new("generate_series", "{{ dbt_date.generate_series(5) }}", NestableQuery),
        new("date_spine", "{{ dbt_date.date_spine('day', \"cast('2024-01-01' as date)\", \"cast('2024-01-11' as date)\") }}", NestableQuery),
        new("get_base_dates", "{{ dbt_date.get_base_dates('2024-01-01', '2024-02-01') }}", NestableQuery),
        new("get_base_dates n_dateparts", "{{ dbt_date.get_base_dates(n_dateparts=52, datepart='week') }}", NestableQuery),
        new("get_date_dimension", "{{ dbt_date.get_date_dimension('2024-01-01', '2024-12-31') }}", Query),
        new("get_fiscal_year_dates", "{{ dbt_date.get_fiscal_year_dates(ref('dates'), year_end_month=1, week_start_day=1) }}", Query),
        new("date_part day", "{{ dbt_date.date_part('day', 'd') }}", Expression),
        new("date_part dayofweek", "{{ dbt_date.date_part('dayofweek', 'd') }}", Expression),
        new("date_part isodow", "{{ dbt_date.date_part('isodow', 'd') }}", Expression),
        new("date_part epoch", "{{ dbt_date.date_part('epoch', 'ts') }}", Expression),
        new("day_name", "{{ dbt_date.day_name('d') }}", Expression),
        new("day_name long", "{{ dbt_date.day_name('d', short=false) }}", Expression),
        new("month_name", "{{ dbt_date.month_name('d') }}", Expression),
        new("day_of_week iso", "{{ dbt_date.day_of_week('d') }}", Expression),
        new("day_of_week sunday", "{{ dbt_date.day_of_week('d', isoweek=false) }}", Expression),
        new("day_of_year", "{{ dbt_date.day_of_year('d') }}", Expression),
        new("day_of_month", "{{ dbt_date.day_of_month('d') }}", Expression),
        new("week_of_year", "{{ dbt_date.week_of_year('d') }}", Expression),
        new("iso_week_of_year", "{{ dbt_date.iso_week_of_year('d') }}", Expression),
        new("week_start", "{{ dbt_date.week_start('d') }}", Expression),
        new("week_end", "{{ dbt_date.week_end('d') }}", Expression),
        new("iso_week_start", "{{ dbt_date.iso_week_start('d') }}", Expression),
        new("iso_week_end", "{{ dbt_date.iso_week_end('d') }}", Expression),
        new("week_start today", "{{ dbt_date.week_start() }}", Expression),
        new("to_unixtimestamp", "{{ dbt_date.to_unixtimestamp('ts') }}", Expression),
        new("from_unixtimestamp", "{{ dbt_date.from_unixtimestamp('epoch_s') }}", Expression),
        new("from_unixtimestamp ms", "{{ dbt_date.from_unixtimestamp('epoch_ms', format='milliseconds') }}", Expression),
        new("convert_timezone", "{{ dbt_date.convert_timezone('ts', 'Europe/Paris') }}", Expression),
        new("convert_timezone windows name", "{{ dbt_date.convert_timezone('ts', 'Tokyo Standard Time', 'Pacific Standard Time') }}", Expression),
        new("now", "{{ dbt_date.now() }}", Expression),
    ];

    public static readonly ShimCase[] DbtExpectations =
    [
        new("expression_is_true", "{{ dbt_expectations.test_expression_is_true(ref('orders'), 'amount >= 0') }}", Query),
        new("expression_is_true grouped", "{{ dbt_expectations.test_expression_is_true(ref('orders'), 'sum(amount) > 0', group_by_columns=['region'], row_condition='id is not null') }}", Query),
        new("expression_is_true false", "{{ dbt_expectations.test_expression_is_true(ref('orders'), 'amount < 0', test_condition='= false') }}", Query),
        new("get_select", "{{ dbt_expectations.get_select(ref('orders'), 'count(*)', 'id > 0', ['region', 'day']) }}", NestableQuery),
        new("percentile_cont", "{{ dbt_expectations.percentile_cont('amount', 0.5) }}", Expression),
        new("percentile_cont partition", "{{ dbt_expectations.percentile_cont('amount', 0.9, partition='region') }}", Expression),
        new("rand", "{{ dbt_expectations.rand() }}", Expression),
        new("log_natural", "{{ dbt_expectations.log_natural('amount') }}", Expression),
        new("type_timestamp", "{{ dbt_expectations.type_timestamp() }}", DataType),
        new("type_datetime", "{{ dbt_expectations.type_datetime() }}", DataType),
        new("regexp_instr", "{{ dbt_expectations.regexp_instr('email', \"^[a-z]+@[a-z]+\\\\.com$\") }}", Expression),
        new("regexp_instr flags", "{{ dbt_expectations.regexp_instr('email', \"it's\", flags='i') }}", Expression),
        new("stdev_to_be_between", "{{ dbt_expectations.test_expect_column_stdev_to_be_between(ref('orders'), 'amount', min_value=0, max_value=10) }}", Query),
        new("within_n_stdevs", "{{ dbt_expectations.test_expect_column_values_to_be_within_n_stdevs(ref('orders'), 'amount', group_by=['region']) }}", Query),
        new("within_n_moving_stdevs", "{{ dbt_expectations.test_expect_column_values_to_be_within_n_moving_stdevs(ref('orders'), 'amount', 'ordered_at', group_by=['region']) }}", Query),
        new("within_n_moving_stdevs plain", "{{ dbt_expectations.test_expect_column_values_to_be_within_n_moving_stdevs(ref('orders'), 'amount', 'ordered_at', take_diffs=false, take_logs=false) }}", Query),
        new("unique_within_record", "{{ dbt_expectations.test_expect_select_column_values_to_be_unique_within_record(ref('orders'), ['a', 'b', 'c'], row_condition='id > 0') }}", Query),
        new("grouped_recent_data", "{{ dbt_expectations.test_expect_grouped_row_values_to_have_recent_data(ref('orders'), ['region'], 'ordered_at', 'day', 1) }}", Query),
    ];
}
