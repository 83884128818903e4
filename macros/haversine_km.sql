{#- Great-circle distance in kilometres between two points given in degrees.
    The inputs are cast to a double first: SQL Server's radians() keeps the input's
    decimal scale and would silently round the result. -#}
{% macro haversine_km(lat1, lon1, lat2, lon2) -%}
    {%- set earth_radius_km = 6371.0 -%}
    {%- set float_type = 'double' if target.type == 'duckdb' else 'float' -%}
    2 * {{ earth_radius_km }} * asin(sqrt(
        power(sin(radians(cast({{ lat2 }} as {{ float_type }}) - cast({{ lat1 }} as {{ float_type }})) / 2), 2)
        + cos(radians(cast({{ lat1 }} as {{ float_type }}))) * cos(radians(cast({{ lat2 }} as {{ float_type }})))
        * power(sin(radians(cast({{ lon2 }} as {{ float_type }}) - cast({{ lon1 }} as {{ float_type }})) / 2), 2)
    ))
{%- endmacro %}
