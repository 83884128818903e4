{#- A small stand-in for dbt_utils, shaped like it: public macros dispatch into the 'dbt_utils'
    namespace, and the default__ bodies are Postgres-flavoured SQL that T-SQL rejects, so a test
    that parses the output proves the sqlserver__ shim was used. Written for these tests. -#}

{% macro get_powers_of_two(upper_bound) %}{{ return(adapter.dispatch('get_powers_of_two', 'dbt_utils')(upper_bound)) }}{% endmacro %}
{% macro default__get_powers_of_two(upper_bound) %}
    {%- for power in range(1, 64) -%}
        {%- if upper_bound <= 2 ** power -%}{{ return(power) }}{%- endif -%}
    {%- endfor -%}
{% endmacro %}

{% macro get_intervals_between(start_date, end_date, datepart) %}{{ return(adapter.dispatch('get_intervals_between', 'dbt_utils')(start_date, end_date, datepart)) }}{% endmacro %}
{% macro default__get_intervals_between(start_date, end_date, datepart) %}
    {%- call statement('intervals', fetch_result=True) -%}
        select {{ dbt.datediff(start_date, end_date, datepart) }}
    {%- endcall -%}
    {%- set result = load_result('intervals') -%}
    {{ return(result['data'][0][0] if result and result['data'] else 1) }}
{% endmacro %}

{% macro generate_series(upper_bound) %}{{ return(adapter.dispatch('generate_series', 'dbt_utils')(upper_bound)) }}{% endmacro %}
{% macro default__generate_series(upper_bound) %}
    with p as (select 0 as n union all select 1) select n from p order by n limit {{ upper_bound }}
{% endmacro %}

{% macro date_spine(datepart, start_date, end_date) %}{{ return(adapter.dispatch('date_spine', 'dbt_utils')(datepart, start_date, end_date)) }}{% endmacro %}
{% macro default__date_spine(datepart, start_date, end_date) %}
    with raw as ({{ dbt_utils.generate_series(3) }}) select {{ start_date }}::date as date_{{ datepart }} from raw
{% endmacro %}

{% macro deduplicate(relation, partition_by, order_by) %}{{ return(adapter.dispatch('deduplicate', 'dbt_utils')(relation, partition_by, order_by)) }}{% endmacro %}
{% macro default__deduplicate(relation, partition_by, order_by) %}
    select * from {{ relation }} natural join numbered
{% endmacro %}

{% macro width_bucket(expr, min_value, max_value, num_buckets) %}{{ return(adapter.dispatch('width_bucket', 'dbt_utils')(expr, min_value, max_value, num_buckets)) }}{% endmacro %}
{% macro default__width_bucket(expr, min_value, max_value, num_buckets) %}
    least(ceil(mod({{ expr }}, 2)), {{ num_buckets }})::int
{% endmacro %}

{% macro get_table_types_sql() %}{{ return(adapter.dispatch('get_table_types_sql', 'dbt_utils')()) }}{% endmacro %}
{% macro default__get_table_types_sql() %}lower(table_type)::text as table_type{% endmacro %}

{% macro get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) %}{{ return(adapter.dispatch('get_tables_by_pattern_sql', 'dbt_utils')(schema_pattern, table_pattern, exclude, database)) }}{% endmacro %}
{% macro default__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude, database) %}
    select table_name from information_schema.tables where table_name ilike '{{ table_pattern }}'
{% endmacro %}

{% macro _is_ephemeral(obj, macro) %}{% endmacro %}

{% macro get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none) %}{{ return(adapter.dispatch('get_column_values', 'dbt_utils')(table, column, order_by, max_records, default, where)) }}{% endmacro %}
{% macro default__get_column_values(table, column, order_by, max_records, default, where) %}
    {%- call statement('values', fetch_result=True) -%}
        select {{ column }} from {{ table }} limit {{ max_records }}
    {%- endcall -%}
    {{ return([]) }}
{% endmacro %}

{% test at_least_one(model, column_name, group_by_columns=[]) %}{{ return(adapter.dispatch('test_at_least_one', 'dbt_utils')(model, column_name, group_by_columns)) }}{% endtest %}
{% macro default__test_at_least_one(model, column_name, group_by_columns) %}
    select * from (with x as (select {{ column_name }} from {{ model }} limit 1) select count(*) as n from x) v
{% endmacro %}

{% test mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column, partition_by=None, gaps='allowed', zero_length_range_allowed=False) %}{{ return(adapter.dispatch('test_mutually_exclusive_ranges', 'dbt_utils')(model, lower_bound_column, upper_bound_column, partition_by, gaps, zero_length_range_allowed)) }}{% endtest %}
{% macro default__test_mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column, partition_by, gaps, zero_length_range_allowed) %}
    select {{ lower_bound_column }} < {{ upper_bound_column }} as ok, coalesce(true, false) as flag from {{ model }}
{% endmacro %}
