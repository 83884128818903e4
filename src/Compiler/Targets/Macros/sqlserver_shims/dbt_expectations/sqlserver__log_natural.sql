{#- T-SQL's natural logarithm is LOG (there is no LN). -#}
{% macro sqlserver__log_natural(x) -%}
    log({{ x }})
{%- endmacro %}
