{#- T-SQL groups by expressions, never by column positions. -#}
{% macro sqlserver__get_select(model, expression, row_condition, group_by) -%}
    select
        {%- for g in group_by or [] %}
        {{ g }} as col_{{ loop.index }},
        {%- endfor %}
        {{ expression }} as expression
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
    {%- if group_by %}
    group by {{ group_by | join(', ') }}
    {%- endif %}
{%- endmacro %}
