-- actual
with __dbt__cte__stg_orders as (
select cast('1' as INTEGER) as "order_id", cast('1' as INTEGER) as "customer_id", cast('2024-01-05' as date) as "ordered_at", cast('it''s' as VARCHAR) as "note", cast(null as decimal(10,2)) as "amount"
),
__dbt__cte__shop_customers as (
select cast('1' as INTEGER) as "id", cast('gerda' as VARCHAR) as "name"
),
o as (
    select customer_id, count(*) as n from __dbt__cte__stg_orders group by customer_id
)
select c.id as customer_id, o.n from __dbt__cte__shop_customers c join o on o.customer_id = c.id

-- expected
select cast('1' as INTEGER) as "customer_id", cast('1' as INTEGER) as "n"

-- empty input
select cast(null as INTEGER) as "id", cast(null as VARCHAR) as "name" where 1 = 0
