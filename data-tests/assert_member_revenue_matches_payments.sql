-- Finance signs off member_lifetime_value against the payment provider: the members' total
-- must equal the succeeded member payments in staging, to the cent.

with lifetime as (

    select sum(lifetime_value) as total_lifetime_value
    from {{ ref('member_lifetime_value') }}

),

payments as (

    select sum(amount) as total_paid
    from {{ ref('stg_payments') }}
    where member_id is not null
        and payment_status = 'succeeded'

)

select
    lifetime.total_lifetime_value,
    payments.total_paid

from lifetime
cross join payments
where lifetime.total_lifetime_value <> payments.total_paid
