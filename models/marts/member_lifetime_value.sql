{{ config(tags=['finance']) }}

{#- Revenue per member to date. "To date" is the last day with rides in the data, not today,
    so the numbers do not drift when the demo is rebuilt later. -#}

with members as (

    select * from {{ ref('dim_members') }}

),

payments as (

    select * from {{ ref('int_member_payments') }}

),

as_of as (

    select max(ride_date) as as_of_date from {{ ref('fct_rides') }}

),

final as (

    select
        members.member_id,
        members.membership_plan,
        members.signed_up_at,
        {{ days_between('members.signed_up_at', 'as_of.as_of_date') }} as tenure_days,
        members.total_rides,
        coalesce(payments.membership_fee_revenue, 0) + coalesce(payments.day_pass_revenue, 0)
            as plan_revenue,
        coalesce(payments.ride_fee_revenue, 0) as ride_fee_revenue,
        coalesce(payments.refunded_amount, 0) as refunded_amount,
        coalesce(payments.membership_fee_revenue, 0)
            + coalesce(payments.day_pass_revenue, 0)
            + coalesce(payments.ride_fee_revenue, 0) as lifetime_value,
        cast(
            (coalesce(payments.membership_fee_revenue, 0)
                + coalesce(payments.day_pass_revenue, 0)
                + coalesce(payments.ride_fee_revenue, 0))
            / nullif(members.total_rides, 0)
            as decimal(12, 2)
        ) as revenue_per_ride,
        coalesce(payments.failed_payment_count, 0) as failed_payment_count,
        '{{ var("currency") }}' as currency_code

    from members
    cross join as_of
    left join payments
        on members.member_id = payments.member_id

),

tiered as (

    select
        *,
        case
            when lifetime_value >= 90 then 'high'
            when lifetime_value >= 30 then 'medium'
            else 'low'
        end as value_tier

    from final

)

select * from tiered
