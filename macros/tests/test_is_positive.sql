{#- Generic test: fails on every row where the column is zero or negative. NULLs pass;
    pair it with not_null where a value is required. -#}
{% test is_positive(model, column_name) %}
select * from {{ model }} where {{ column_name }} <= 0
{% endtest %}
