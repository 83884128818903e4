{{ config(materialized='incremental', incremental_strategy='microbatch', batch_size='day', begin='2024-01-01') }}
select 1 as id
