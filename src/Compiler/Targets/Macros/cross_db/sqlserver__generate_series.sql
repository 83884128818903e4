{#- One SELECT with derived tables, no WITH and no ORDER BY: T-SQL allows neither inside the CTE or subquery a caller puts this in. Each power of two is written out as a number, since T-SQL's POWER(2, n) is an int and overflows from n = 31. -#}
{% macro sqlserver__generate_series(upper_bound) -%}
    {%- set bits = dbt.get_powers_of_two(upper_bound) -%}
    select generated_number
    from (
        select {% for i in range(bits) %}p{{ i }}.n * {{ 2 ** i }} + {% endfor %}1 as generated_number
        from {% for i in range(bits) %}(values (0), (1)) as p{{ i }}(n){% if not loop.last %} cross join {% endif %}{% endfor %}
    ) as series
    where generated_number <= {{ upper_bound }}
{%- endmacro %}
