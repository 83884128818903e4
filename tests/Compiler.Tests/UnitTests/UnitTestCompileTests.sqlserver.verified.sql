-- actual
with __dbt__cte__stg_orders as (
select cast(N'1' as int) as [order_id], cast(N'1' as int) as [customer_id], cast(N'2024-01-05' as date) as [ordered_at], cast(N'it''s' as nvarchar(100)) as [note], cast(null as decimal(10,2)) as [amount]
),
__dbt__cte__shop_customers as (
select cast(N'1' as int) as [id], cast(N'gerda' as nvarchar(100)) as [name]
),
o as (
    select customer_id, count(*) as n from __dbt__cte__stg_orders group by customer_id
)
select c.id as customer_id, o.n from __dbt__cte__shop_customers c join o on o.customer_id = c.id

-- expected
select cast(N'1' as int) as [customer_id], cast(N'1' as int) as [n]

-- empty input
select cast(null as int) as [id], cast(null as nvarchar(100)) as [name] where 1 = 0
