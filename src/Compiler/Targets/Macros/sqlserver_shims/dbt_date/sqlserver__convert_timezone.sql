{#- AT TIME ZONE knows Windows zone names only (sys.time_zone_info), while dbt_date's default and
    most projects use IANA names: common IANA names are translated, others are passed as written. -#}
{% macro sqlserver__convert_timezone(column, target_tz, source_tz) -%}
    {%- set windows = {
        'UTC': 'UTC', 'Etc/UTC': 'UTC', 'GMT': 'UTC',
        'America/Los_Angeles': 'Pacific Standard Time', 'US/Pacific': 'Pacific Standard Time',
        'America/Denver': 'Mountain Standard Time', 'US/Mountain': 'Mountain Standard Time',
        'America/Phoenix': 'US Mountain Standard Time',
        'America/Chicago': 'Central Standard Time', 'US/Central': 'Central Standard Time',
        'America/New_York': 'Eastern Standard Time', 'US/Eastern': 'Eastern Standard Time',
        'America/Sao_Paulo': 'E. South America Standard Time',
        'Europe/London': 'GMT Standard Time', 'Europe/Dublin': 'GMT Standard Time',
        'Europe/Paris': 'Romance Standard Time', 'Europe/Brussels': 'Romance Standard Time',
        'Europe/Madrid': 'Romance Standard Time', 'Europe/Berlin': 'W. Europe Standard Time',
        'Europe/Amsterdam': 'W. Europe Standard Time', 'Europe/Rome': 'W. Europe Standard Time',
        'Europe/Zurich': 'W. Europe Standard Time', 'Europe/Stockholm': 'W. Europe Standard Time',
        'Europe/Helsinki': 'FLE Standard Time', 'Europe/Athens': 'GTB Standard Time',
        'Europe/Moscow': 'Russian Standard Time', 'Asia/Dubai': 'Arabian Standard Time',
        'Asia/Kolkata': 'India Standard Time', 'Asia/Singapore': 'Singapore Standard Time',
        'Asia/Shanghai': 'China Standard Time', 'Asia/Hong_Kong': 'China Standard Time',
        'Asia/Tokyo': 'Tokyo Standard Time', 'Australia/Sydney': 'AUS Eastern Standard Time',
        'Pacific/Auckland': 'New Zealand Standard Time',
    } -%}
    cast(cast({{ column }} as datetime2) at time zone '{{ windows.get(source_tz, source_tz) }}' at time zone '{{ windows.get(target_tz, target_tz) }}' as datetime2)
{%- endmacro %}
