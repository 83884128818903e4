{#- One SELECT with no CTE and no ORDER BY, so it can sit inside a CTE, a subquery or a view
    (T-SQL nests neither WITH nor an ORDER BY without TOP). Each factor is a two-row VALUES table;
    their cross join counts in binary from 1 to 2^n. -#}
{% macro sqlserver__generate_series(upper_bound) %}
    {%- set n = dbt_utils.get_powers_of_two(upper_bound) %}
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
