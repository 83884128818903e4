-- Ad-hoc: which sign-up cohorts bring in the most, per plan?

select
    members.signup_month,
    ltv.membership_plan,
    count(*) as members,
    sum(ltv.lifetime_value) as lifetime_value,
    cast(avg(ltv.lifetime_value) as decimal(12, 2)) as avg_lifetime_value

from {{ ref('member_lifetime_value') }} as ltv
inner join {{ ref('dim_members') }} as members
    on ltv.member_id = members.member_id
group by members.signup_month, ltv.membership_plan
order by members.signup_month, ltv.membership_plan
