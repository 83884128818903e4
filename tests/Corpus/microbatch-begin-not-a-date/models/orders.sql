{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='ts', batch_size='day', begin='last tuesday', lookback=-2) }}
select 1 as id
