{#- As the dbt_utils shim: one SELECT with no CTE and no ORDER BY, so it nests anywhere in T-SQL. -#}
{% macro sqlserver__generate_series(upper_bound) %}
    {%- set n = dbt_date.get_powers_of_two(upper_bound) %}
    select generated_number
    from (
        select
            {%- for i in range(n) %}
            bit{{ i }}.b * {{ 2 ** i }} +
            {%- endfor %}
            1 as generated_number
        from
            {%- for i in range(n) %}
            (values (0), (1)) as bit{{ i }}(b){{ ' cross join' if not loop.last }}
            {%- endfor %}
    ) as series
    where generated_number <= {{ upper_bound }}
{% endmacro %}
