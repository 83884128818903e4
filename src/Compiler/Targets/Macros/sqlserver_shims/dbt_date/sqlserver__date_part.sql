{#- T-SQL's DATEPART takes the part as a bare word and has no epoch or 0-based day of week.
    Weekday numbers are shifted by @@DATEFIRST so they do not depend on the session's SET DATEFIRST:
    dayofweek/dow is 0 for Sunday (Postgres), isodow is 1 for Monday. -#}
{% macro sqlserver__date_part(datepart, date) -%}
    {%- set part = datepart | lower -%}
    {%- if part in ('dayofweek', 'dow', 'day_of_week') -%}
    ((datepart(weekday, {{ date }}) + @@datefirst - 1) % 7)
    {%- elif part in ('isodow', 'dayofweekiso', 'dayofweek_iso') -%}
    (((datepart(weekday, {{ date }}) + @@datefirst + 5) % 7) + 1)
    {%- elif part in ('dayofyear', 'doy', 'day_of_year') -%}
    datepart(dayofyear, {{ date }})
    {%- elif part in ('isoweek', 'week_iso', 'weekiso') -%}
    datepart(iso_week, {{ date }})
    {%- elif part in ('epoch', 'epoch_seconds', 'epoch_second') -%}
    datediff_big(second, cast('1970-01-01' as datetime2), {{ date }})
    {%- else -%}
    datepart({{ part }}, {{ date }})
    {%- endif -%}
{%- endmacro %}
