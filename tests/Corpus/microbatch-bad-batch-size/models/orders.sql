{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='ts', batch_size='week', begin='2024-01-01') }}
select 1 as id
