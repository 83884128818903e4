{{ config(materialized='external', format='xlsx') }}
select 1 as id
