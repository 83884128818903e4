{#- dbt_date's base dates without a WITH (models put this inside their own CTE, and T-SQL nests
    none). Same bounds as dbt_date: literal dates, or the last n dateparts up to tomorrow. -#}
{% macro sqlserver__get_base_dates(start_date, end_date, n_dateparts, datepart) %}
{%- if start_date and end_date -%}
    {%- set start_date = "cast('" ~ start_date ~ "' as " ~ dbt.type_timestamp() ~ ")" -%}
    {%- set end_date = "cast('" ~ end_date ~ "' as " ~ dbt.type_timestamp() ~ ")" -%}
{%- elif n_dateparts and datepart -%}
    {%- set start_date = dbt.dateadd(datepart, -1 * n_dateparts, dbt_date.today()) -%}
    {%- set end_date = dbt_date.tomorrow() -%}
{%- endif %}
select
    cast(spine.date_{{ datepart }} as {{ dbt.type_timestamp() }}) as date_{{ datepart }}
from (
    {{ dbt_date.date_spine(datepart=datepart, start_date=start_date, end_date=end_date) }}
) as spine
{% endmacro %}
