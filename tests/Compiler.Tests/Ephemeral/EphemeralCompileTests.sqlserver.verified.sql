with raw as (select 1 as order_id, 10 as amount),
__dbt__cte__base_orders as (
select * from raw
),
big as (select * from __dbt__cte__base_orders where amount > 5),
__dbt__cte__big_orders as (
select order_id from big
),
totals as (
    select count(*) as n from __dbt__cte__big_orders
)
select b.order_id, t.n from __dbt__cte__base_orders b cross join totals t
