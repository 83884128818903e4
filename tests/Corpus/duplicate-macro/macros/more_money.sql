-- helpers
{% macro cents(x) %}{{ x }} * 1000{% endmacro %}
