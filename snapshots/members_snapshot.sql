{#- Keeps the history of each member's plan and profile (type-2 slowly changing dimension):
    the app overwrites a member's row in place, so plan upgrades would otherwise be lost. -#}
{% snapshot members_snapshot %}

{{
    config(
        unique_key='member_id',
        strategy='timestamp',
        updated_at='updated_at'
    )
}}

select
    cast(id as integer) as member_id,
    replace(lower(trim(membership_type)), ' ', '_') as membership_plan,
    lower(trim(email)) as email,
    is_student,
    cast(home_station as integer) as home_station_id,
    updated_at

from {{ source('raw', 'members') }}

{% endsnapshot %}
