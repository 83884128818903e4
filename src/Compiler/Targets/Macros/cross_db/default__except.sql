{% macro default__except() -%}
    except
{%- endmacro %}
