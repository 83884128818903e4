{#- T-SQL spells mod() as %, ceil() as ceiling() and has no least(); same buckets as dbt_utils:
    a value exactly on a bucket edge moves up one, anything past max_value lands in bucket N+1. -#}
{% macro sqlserver__width_bucket(expr, min_value, max_value, num_buckets) -%}
    {%- set bin_size -%}
    (( {{ max_value }} - {{ min_value }} ) / {{ num_buckets }} )
    {%- endset -%}
    {%- set bucket -%}
    ceiling(({{ expr }} - {{ min_value }}) / {{ bin_size }})
    {%- endset -%}
    (
        case
            when {{ dbt.safe_cast(expr, dbt.type_numeric()) }} % {{ dbt.safe_cast(bin_size, dbt.type_numeric()) }} = 0 then 1
            else 0
        end
    ) + (
        case
            when {{ bucket }} < {{ num_buckets }} + 1 then {{ bucket }}
            else {{ num_buckets }} + 1
        end
    )
{%- endmacro %}
