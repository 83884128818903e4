{#- The export spells a few districts in other cases or with stray spaces; map them back to the
    official names. Anything unexpected passes through trimmed, and the accepted_values test flags it. -#}
{%- set districts = ['Old Town', 'Harborfront', 'University', 'Riverside', 'Market Hill', 'Northgate'] -%}

with source as (

    select * from {{ source('raw', 'stations') }}

),

renamed as (

    select
        cast(id as integer) as station_id,
        trim(name) as station_name,
        case lower(trim(district))
        {%- for district in districts %}
            when '{{ district | lower }}' then '{{ district }}'
        {%- endfor %}
            else trim(district)
        end as district,
        cast(lat as decimal(9, 6)) as latitude,
        cast(lon as decimal(9, 6)) as longitude,
        cast(dock_count as integer) as dock_capacity,
        cast(postal_code as varchar(10)) as postal_code,
        active as is_active,
        cast(opened_on as date) as opened_on

    from source

)

select * from renamed
