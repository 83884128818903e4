{% macro grant_select(role) %}{{ log('granted to ' ~ role, info=True) }}{% endmacro %}
