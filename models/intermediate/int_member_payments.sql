{#- One row per member: what they paid, split by payment type. Casual riders (no member_id)
    are left out; their ride fees show up on fct_rides. -#}
{%- set payment_types = ['membership_fee', 'day_pass', 'ride_fee'] -%}

with payments as (

    select * from {{ ref('stg_payments') }}
    where member_id is not null

),

per_member as (

    select
        member_id,
        {%- for payment_type in payment_types %}
        sum(case
            when payment_type = '{{ payment_type }}' and payment_status = 'succeeded' then amount
            else 0
        end) as {{ payment_type }}_revenue,
        {%- endfor %}
        sum(case when payment_status = 'refunded' then amount else 0 end) as refunded_amount,
        sum(case when payment_status = 'failed' then 1 else 0 end) as failed_payment_count,
        count(*) as payment_count,
        min(paid_at) as first_payment_at,
        max(paid_at) as last_payment_at

    from payments
    group by member_id

)

select * from per_member
