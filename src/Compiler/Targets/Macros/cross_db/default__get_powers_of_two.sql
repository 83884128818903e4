{#- A compile-time number: generate_series cross-joins this many two-row tables. -#}
{% macro default__get_powers_of_two(upper_bound) -%}
    {%- if upper_bound <= 0 -%}
    {{ exceptions.raise_compiler_error("get_powers_of_two: upper bound must be positive, got " ~ upper_bound) }}
    {%- endif -%}
    {%- for n in range(1, 100) -%}
    {%- if upper_bound <= 2 ** n -%}
    {{ return(n) }}
    {%- endif -%}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error("get_powers_of_two: upper bound must be at most 2**99, got " ~ upper_bound) }}
{%- endmacro %}
