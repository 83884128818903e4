{#- The generic last day: truncate to the datepart, add one, step back a day. Not dispatched; targets' last_day variants call it (dbt.default_last_day). -#}
{% macro default_last_day(date, datepart) -%}
    cast({{ dbt.dateadd('day', '-1', dbt.dateadd(datepart, '1', dbt.date_trunc(datepart, date))) }} as date)
{%- endmacro %}
