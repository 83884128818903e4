{#- Fails when a group's latest timestamp is older than the interval, or no row qualifies.
    T-SQL: grouping by the columns themselves rather than by their positions. -#}
{% macro sqlserver__test_expect_grouped_row_values_to_have_recent_data(model, group_by, timestamp_column, datepart, interval, row_condition) %}
{%- set ts = 'cast(' ~ timestamp_column ~ ' as ' ~ dbt_expectations.type_timestamp() ~ ')' -%}
with latest_grouped_timestamps as (
    select
        {%- for g in group_by or [] %}
        {{ g }},
        {%- endfor %}
        max(1) as join_key,
        max({{ ts }}) as latest_timestamp_column
    from {{ model }}
    where {{ ts }} <= {{ dbt_date.now() }}
    {%- if row_condition %}
        and {{ row_condition }}
    {%- endif %}
    {%- if group_by %}
    group by {{ group_by | join(', ') }}
    {%- endif %}
),
total_row_counts as (
    select
        {%- for g in group_by or [] %}
        {{ g }},
        {%- endfor %}
        max(1) as join_key,
        count(*) as row_count
    from latest_grouped_timestamps
    {%- if group_by %}
    group by {{ group_by | join(', ') }}
    {%- endif %}
),
outdated_grouped_timestamps as (
    select *
    from latest_grouped_timestamps
    where latest_timestamp_column < cast({{ dbt.dateadd(datepart, interval * -1, dbt_date.now()) }} as {{ dbt_expectations.type_timestamp() }})
),
validation_errors as (
    select r.row_count, t.*
    from total_row_counts as r
    left join outdated_grouped_timestamps as t
        on {% for g in group_by or [] %}r.{{ g }} = t.{{ g }} and {% endfor %}r.join_key = t.join_key
    where r.row_count = 0 or t.join_key is not null
)
select * from validation_errors
{% endmacro %}
