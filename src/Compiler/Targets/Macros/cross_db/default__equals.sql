{#- dbt reads the behaviour flag enable_truthy_nulls_equals_macro (default off): off, NULL = NULL is unknown, as in SQL; on, two NULLs count as equal. The CASE keeps it one predicate, usable where a condition goes (WHERE, ON, CASE WHEN) on every target. -#}
{% macro default__equals(expr1, expr2) -%}
    {%- if flags.enable_truthy_nulls_equals_macro is defined and flags.enable_truthy_nulls_equals_macro -%}
    (case when (({{ expr1 }} = {{ expr2 }}) or ({{ expr1 }} is null and {{ expr2 }} is null)) then 0 else 1 end = 0)
    {%- else -%}
    ({{ expr1 }} = {{ expr2 }})
    {%- endif -%}
{%- endmacro %}
