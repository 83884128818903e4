{{ config(materialzed='table', my_custom_flag=true) }}
select 1 as id
