{#- T-SQL has no boolean values in a SELECT list: each check dbt_utils computes as a boolean is a
    0/1 flag here, with the same null handling (an unknown comparison fails, except that a missing
    next range is fine for the partition's last record). -#}
{% macro sqlserver__test_mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column, partition_by=None, gaps='allowed', zero_length_range_allowed=False) %}
{%- set gap_operators = {'not_allowed': ('=', 'equal_to'), 'allowed': ('<=', 'less_than_or_equal_to'), 'required': ('<', 'less_than')} -%}
{%- if gaps not in gap_operators -%}
    {{ exceptions.raise_compiler_error("`gaps` argument for mutually_exclusive_ranges test must be one of ['not_allowed', 'allowed', 'required'] Got: '" ~ gaps ~ "'.") }}
{%- endif -%}
{%- set gap_op, gap_words = gap_operators[gaps] -%}
{%- set zero_op, zero_words = ('<=', 'less_than_or_equal_to') if zero_length_range_allowed else ('<', 'less_than') -%}
{%- set partition_clause = 'partition by ' ~ partition_by if partition_by else '' -%}
with window_functions as (
    select
        {%- if partition_by %}
        {{ partition_by }} as partition_by_col,
        {%- endif %}
        {{ lower_bound_column }} as lower_bound,
        {{ upper_bound_column }} as upper_bound,
        lead({{ lower_bound_column }}) over ({{ partition_clause }} order by {{ lower_bound_column }}, {{ upper_bound_column }}) as next_lower_bound,
        case
            when row_number() over ({{ partition_clause }} order by {{ lower_bound_column }} desc, {{ upper_bound_column }} desc) = 1 then 1
            else 0
        end as is_last_record
    from {{ model }}
),
calc as (
    select
        *,
        case when lower_bound {{ zero_op }} upper_bound then 1 else 0 end as lower_bound_{{ zero_words }}_upper_bound,
        case
            when upper_bound {{ gap_op }} next_lower_bound then 1
            when upper_bound is null or next_lower_bound is null then is_last_record
            else 0
        end as upper_bound_{{ gap_words }}_next_lower_bound
    from window_functions
),
validation_errors as (
    select *
    from calc
    where not (
        lower_bound_{{ zero_words }}_upper_bound = 1
        and upper_bound_{{ gap_words }}_next_lower_bound = 1
    )
)
select * from validation_errors
{% endmacro %}
