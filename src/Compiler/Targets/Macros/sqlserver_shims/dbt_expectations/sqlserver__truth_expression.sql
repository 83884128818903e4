{#- T-SQL has no boolean values in a SELECT list: the predicate becomes 1, 0 or (when unknown)
    null, so "expression = 1" keeps the three-valued outcome of the original "= true". -#}
{% macro sqlserver__truth_expression(expression) %}
    case when ({{ expression }}) then 1 when not ({{ expression }}) then 0 end as expression
{% endmacro %}
