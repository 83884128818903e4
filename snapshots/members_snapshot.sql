{#- Keeps the history of each member's row (type-2 slowly changing dimension): the membership
    app overwrites members in place, so plan changes would otherwise be lost. Snapshot the raw
    row as it is; cleaning happens downstream, so a change to the cleaning never rewrites history. -#}
{% snapshot members_snapshot %}

{{
    config(
        unique_key='id',
        strategy='timestamp',
        updated_at='updated_at'
    )
}}

select * from {{ source('raw', 'members') }}

{% endsnapshot %}
