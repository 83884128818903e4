{#- Each number is a sum of chosen powers of two: n cross-joined (0, 1) tables give 2**n rows, filtered to upper_bound. -#}
{% macro default__generate_series(upper_bound) -%}
    {%- set bits = dbt.get_powers_of_two(upper_bound) %}
    with p as (
        select 0 as generated_number union all select 1
    ), unioned as (
        select
            {% for i in range(bits) %}p{{ i }}.generated_number * power(2, {{ i }}) + {% endfor %}1 as generated_number
        from {% for i in range(bits) %}p as p{{ i }}{% if not loop.last %} cross join {% endif %}{% endfor %}
    )
    select *
    from unioned
    where generated_number <= {{ upper_bound }}
    order by generated_number
{%- endmacro %}
