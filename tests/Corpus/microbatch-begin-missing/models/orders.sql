{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='ts', batch_size='day') }}
select 1 as id
