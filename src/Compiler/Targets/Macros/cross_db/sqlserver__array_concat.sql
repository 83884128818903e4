{#- The elements of both JSON arrays, read with OPENJSON and written back in order: text re-quoted and escaped, NULL as null, numbers, booleans, arrays and objects as they are. A NULL array counts as empty. -#}
{% macro sqlserver__array_concat(array_1, array_2) -%}
    (select concat(N'[', string_agg(case e.[type] when 0 then N'null' when 1 then concat(N'"', string_escape(e.[value], 'json'), N'"') else e.[value] end, N',') within group (order by e.side, e.position), N']') from (select 1 as side, cast([key] as int) as position, [value], [type] from openjson({{ array_1 }}) union all select 2, cast([key] as int), [value], [type] from openjson({{ array_2 }})) as e)
{%- endmacro %}
