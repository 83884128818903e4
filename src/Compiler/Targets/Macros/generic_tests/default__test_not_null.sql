{#- One failing row per NULL. Stored failures keep the whole row, so they can be traced back. -#}
{% macro default__test_not_null(model, column_name) -%}
select {{ '*' if should_store_failures() else column_name }}
from {{ model }}
where {{ column_name }} is null
{%- endmacro %}
