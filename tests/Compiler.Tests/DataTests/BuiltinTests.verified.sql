-- accepted_values_orders_customer_id__1__it_s
with value_counts as (
    select customer_id as value_field, count(*) as n_records
    from "shop"."main"."orders"
    group by customer_id
)
select *
from value_counts
where value_field not in ('1', 'it''s')

-- not_null_orders_order_id
select order_id
from (select * from "shop"."main"."orders" where order_id > 0) dbt_subquery
where order_id is null

-- relationships_orders_customer_id__customer_id__ref_customers_
with child as (
    select customer_id as from_field
    from "shop"."main"."orders"
    where customer_id is not null
),
parent as (
    select customer_id as to_field
    from "shop"."main"."customers"
)
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null

-- unique_orders_order_id
select order_id as unique_field, count(*) as n_records
from "shop"."main"."orders"
where order_id is not null
group by order_id
having count(*) > 1
