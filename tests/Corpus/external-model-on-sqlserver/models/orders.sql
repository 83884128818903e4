{{ config(
    materialized='external',
    location='exports/orders.parquet'
) }}
select 1 as id
