{#- DATEADD takes an int, so milliseconds and microseconds are split into whole seconds plus the
    rest (an epoch in milliseconds does not fit an int). -#}
{% macro sqlserver__from_unixtimestamp(epochs, format="seconds") -%}
    {%- if format == "seconds" -%}
    dateadd(second, {{ epochs }}, cast('1970-01-01' as datetime2))
    {%- elif format == "milliseconds" -%}
    dateadd(millisecond, {{ epochs }} % 1000, dateadd(second, {{ epochs }} / 1000, cast('1970-01-01' as datetime2)))
    {%- elif format == "microseconds" -%}
    dateadd(microsecond, {{ epochs }} % 1000000, dateadd(second, {{ epochs }} / 1000000, cast('1970-01-01' as datetime2)))
    {%- else -%}
    {{ exceptions.raise_compiler_error("value " ~ format ~ " for `format` for from_unixtimestamp is not supported.") }}
    {%- endif -%}
{%- endmacro %}
