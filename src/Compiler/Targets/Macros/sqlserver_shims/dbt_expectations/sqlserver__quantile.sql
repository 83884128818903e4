{#- PERCENTILE_CONT is a window function in T-SQL: the OVER clause is required, empty when the
    quantile is over the whole result. -#}
{% macro sqlserver__quantile(field, quantile, partition) -%}
    percentile_cont({{ quantile }}) within group (order by {{ field }}) over ({% if partition %}partition by {{ partition }}{% endif %})
{%- endmacro %}
