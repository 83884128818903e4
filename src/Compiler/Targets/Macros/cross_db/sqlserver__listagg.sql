{#- STRING_AGG over NVARCHAR(MAX) so long groups do not overflow 8000 bytes. -#}
{% macro sqlserver__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num -%}
    {{ exceptions.raise_compiler_error("listagg with limit_num is not supported on SQL Server: STRING_AGG has no limit; aggregate a TOP subquery instead") }}
    {%- endif -%}
    string_agg(cast({{ measure }} as nvarchar(max)), {{ delimiter_text }}){% if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
{%- endmacro %}
