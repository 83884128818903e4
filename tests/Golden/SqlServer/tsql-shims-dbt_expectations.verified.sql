-- expression_is_true: {{ dbt_expectations.test_expression_is_true(ref('orders'), 'amount >= 0') }}
    with grouped_expression as (
    select
    case when (amount >= 0) then 1 when not (amount >= 0) then 0 end as expression
    from "warehouse"."analytics"."orders"
),
validation_errors as (
    select *
    from grouped_expression
    where not (expression = 1)
)
select *
from validation_errors

-- expression_is_true grouped: {{ dbt_expectations.test_expression_is_true(ref('orders'), 'sum(amount) > 0', group_by_columns=['region'], row_condition='id is not null') }}
    with grouped_expression as (
    select
        region as col_1,
    case when (sum(amount) > 0) then 1 when not (sum(amount) > 0) then 0 end as expression
    from "warehouse"."analytics"."orders"
    where id is not null
    group by region
),
validation_errors as (
    select *
    from grouped_expression
    where not (expression = 1)
)
select *
from validation_errors

-- expression_is_true false: {{ dbt_expectations.test_expression_is_true(ref('orders'), 'amount < 0', test_condition='= false') }}
    with grouped_expression as (
    select
    case when (amount < 0) then 1 when not (amount < 0) then 0 end as expression
    from "warehouse"."analytics"."orders"
),
validation_errors as (
    select *
    from grouped_expression
    where not (expression = 0)
)
select *
from validation_errors

-- get_select: {{ dbt_expectations.get_select(ref('orders'), 'count(*)', 'id > 0', ['region', 'day']) }}
select
        region as col_1,
        day as col_2,
        count(*) as expression
    from "warehouse"."analytics"."orders"
    where id > 0
    group by region, day

-- percentile_cont: {{ dbt_expectations.percentile_cont('amount', 0.5) }}
percentile_cont(0.5) within group (order by amount) over ()

-- percentile_cont partition: {{ dbt_expectations.percentile_cont('amount', 0.9, partition='region') }}
percentile_cont(0.9) within group (order by amount) over (partition by region)

-- rand: {{ dbt_expectations.rand() }}
rand(checksum(newid()))

-- log_natural: {{ dbt_expectations.log_natural('amount') }}
log(amount)

-- type_timestamp: {{ dbt_expectations.type_timestamp() }}
datetime2

-- type_datetime: {{ dbt_expectations.type_datetime() }}
datetime2

-- regexp_instr: {{ dbt_expectations.regexp_instr('email', "^[a-z]+@[a-z]+\\.com$") }}
regexp_instr(email, '^[a-z]+@[a-z]+\.com$', 1, 1, 0)

-- regexp_instr flags: {{ dbt_expectations.regexp_instr('email', "it's", flags='i') }}
regexp_instr(email, 'it''s', 1, 1, 0, 'i')

-- stdev_to_be_between: {{ dbt_expectations.test_expect_column_stdev_to_be_between(ref('orders'), 'amount', min_value=0, max_value=10) }}
with grouped_expression as (
    select
    case when (stdev(amount) >= 0 and stdev(amount) <= 10) then 1 when not (stdev(amount) >= 0 and stdev(amount) <= 10) then 0 end as expression
    from "warehouse"."analytics"."orders"
),
validation_errors as (
    select *
    from grouped_expression
    where not (expression = 1)
)
select *
from validation_errors

-- within_n_stdevs: {{ dbt_expectations.test_expect_column_values_to_be_within_n_stdevs(ref('orders'), 'amount', group_by=['region']) }}
with metric_values as (
    select
        region,
        sum(amount) as amount
    from "warehouse"."analytics"."orders"
    group by region
),
metric_values_with_statistics as (
    select
        *,
        avg(amount) over () as amount_average,
        stdev(amount) over () as amount_stddev
    from metric_values
),
metric_values_z_scores as (
    select
        *,
        (amount - amount_average) / nullif(amount_stddev, 0) as amount_sigma
    from metric_values_with_statistics
)
select *
from metric_values_z_scores
where abs(amount_sigma) > 3

-- within_n_moving_stdevs: {{ dbt_expectations.test_expect_column_values_to_be_within_n_moving_stdevs(ref('orders'), 'amount', 'ordered_at', group_by=['region']) }}
with grouped_metric_values as (
    select
        cast(dateadd(day, datediff(day, 0, ordered_at), 0) as datetime2(6)) as metric_period,
        region,
        sum(amount) as agg_metric_value
    from "warehouse"."analytics"."orders"
    group by cast(dateadd(day, datediff(day, 0, ordered_at), 0) as datetime2(6)), region
),
grouped_metric_values_with_priors as (
    select
        *,
        lag(agg_metric_value, 1) over (partition by region order by metric_period) as prior_agg_metric_value
    from grouped_metric_values
),
metric_values as (
    select
        *,
        coalesce(log(nullif(agg_metric_value, 0)), 0)
        - coalesce(log(nullif(prior_agg_metric_value, 0)), 0) as metric_test_value
    from grouped_metric_values_with_priors
),
metric_moving_calcs as (
    select
        *,
        avg(metric_test_value) over (partition by region order by metric_period rows between 7 preceding and 1 preceding) as metric_test_rolling_average,
        stdev(metric_test_value) over (partition by region order by metric_period rows between 7 preceding and 1 preceding) as metric_test_rolling_stddev
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
where metric_period >= cast(dateadd(day, -14, cast(cast(dateadd(day, datediff(day, 0, cast(cast(cast(sysdatetime() as datetime2(6)) as datetime2) at time zone 'UTC' at time zone 'Pacific Standard Time' as datetime2)), 0) as datetime2(6)) as datetime2(6))) as datetime2)
    and metric_period < cast(dateadd(day, datediff(day, 0, cast(cast(cast(sysdatetime() as datetime2(6)) as datetime2) at time zone 'UTC' at time zone 'Pacific Standard Time' as datetime2)), 0) as datetime2(6))
    and not (metric_test_sigma >= -3 and metric_test_sigma <= 3)

-- within_n_moving_stdevs plain: {{ dbt_expectations.test_expect_column_values_to_be_within_n_moving_stdevs(ref('orders'), 'amount', 'ordered_at', take_diffs=false, take_logs=false) }}
with grouped_metric_values as (
    select
        cast(dateadd(day, datediff(day, 0, ordered_at), 0) as datetime2(6)) as metric_period,
        sum(amount) as agg_metric_value
    from "warehouse"."analytics"."orders"
    group by cast(dateadd(day, datediff(day, 0, ordered_at), 0) as datetime2(6))
),
metric_values as (
    select
        *,
        coalesce(agg_metric_value, 0) as metric_test_value
    from grouped_metric_values
),
metric_moving_calcs as (
    select
        *,
        avg(metric_test_value) over ( order by metric_period rows between 7 preceding and 1 preceding) as metric_test_rolling_average,
        stdev(metric_test_value) over ( order by metric_period rows between 7 preceding and 1 preceding) as metric_test_rolling_stddev
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
where metric_period >= cast(dateadd(day, -14, cast(cast(dateadd(day, datediff(day, 0, cast(cast(cast(sysdatetime() as datetime2(6)) as datetime2) at time zone 'UTC' at time zone 'Pacific Standard Time' as datetime2)), 0) as datetime2(6)) as datetime2(6))) as datetime2)
    and metric_period < cast(dateadd(day, datediff(day, 0, cast(cast(cast(sysdatetime() as datetime2(6)) as datetime2) at time zone 'UTC' at time zone 'Pacific Standard Time' as datetime2)), 0) as datetime2(6))
    and not (metric_test_sigma >= -3 and metric_test_sigma <= 3)

-- unique_within_record: {{ dbt_expectations.test_expect_select_column_values_to_be_unique_within_record(ref('orders'), ['a', 'b', 'c'], row_condition='id > 0') }}
with column_values as (
    select
        row_number() over (order by a, b, c) as row_index,
        a, b, c
    from "warehouse"."analytics"."orders"
    where
        id > 0 and
        not (a is null and b is null and c is null)
),
unpivot_columns as (
    select row_index, 'a' as column_name, lower(convert(char(32), hashbytes('MD5', cast(cast(a as nvarchar(max)) collate Latin1_General_100_BIN2_UTF8 as varchar(max))), 2)) as column_value from column_values
    union all
    select row_index, 'b' as column_name, lower(convert(char(32), hashbytes('MD5', cast(cast(b as nvarchar(max)) collate Latin1_General_100_BIN2_UTF8 as varchar(max))), 2)) as column_value from column_values
    union all
    select row_index, 'c' as column_name, lower(convert(char(32), hashbytes('MD5', cast(cast(c as nvarchar(max)) collate Latin1_General_100_BIN2_UTF8 as varchar(max))), 2)) as column_value from column_values
),
validation_errors as (
    select row_index, count(distinct column_value) as column_values
    from unpivot_columns
    group by row_index
    having count(distinct column_value) < 3
)
select * from validation_errors

-- grouped_recent_data: {{ dbt_expectations.test_expect_grouped_row_values_to_have_recent_data(ref('orders'), ['region'], 'ordered_at', 'day', 1) }}
    with latest_grouped_timestamps as (
    select
        region,
        max(1) as join_key,
        max(cast(ordered_at as datetime2)) as latest_timestamp_column
    from "warehouse"."analytics"."orders"
    where cast(ordered_at as datetime2) <= cast(cast(cast(sysdatetime() as datetime2(6)) as datetime2) at time zone 'UTC' at time zone 'Pacific Standard Time' as datetime2)
    group by region
),
total_row_counts as (
    select
        region,
        max(1) as join_key,
        count(*) as row_count
    from latest_grouped_timestamps
    group by region
),
outdated_grouped_timestamps as (
    select *
    from latest_grouped_timestamps
    where latest_timestamp_column < cast(dateadd(day, -1, cast(cast(cast(cast(sysdatetime() as datetime2(6)) as datetime2) at time zone 'UTC' at time zone 'Pacific Standard Time' as datetime2) as datetime2(6))) as datetime2)
),
validation_errors as (
    select r.row_count, t.*
    from total_row_counts as r
    left join outdated_grouped_timestamps as t
        on r.region = t.region and r.join_key = t.join_key
    where r.row_count = 0 or t.join_key is not null
)
select * from validation_errors

