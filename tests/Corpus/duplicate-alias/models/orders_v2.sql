{{ config(alias='orders') }}
select 2 as id
