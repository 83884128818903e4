SET XACT_ABORT ON;

with value_counts as (
    select note as value_field, count(*) as n_records
    from [warehouse].[analytics].[orders]
    group by note
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select *
from value_counts
where value_field not in (N'it''s', N'other')
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select id
from [warehouse].[analytics].[orders]
where id is null
) dbt_internal_test;

-- Every order has a positive amount.
with bad as (
    select * from [warehouse].[analytics].[orders] where amount <= 0
)
select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select * from bad
) dbt_internal_test;

SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END FROM [warehouse].INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = N'analytics_dbt_test__audit';

EXEC [warehouse].[sys].[sp_executesql] N'SET XACT_ABORT ON;
BEGIN TRANSACTION;
DECLARE @forge_lock int;
EXEC @forge_lock = sp_getapplock @Resource = N''forge:schema:analytics_dbt_test__audit'', @LockMode = N''Exclusive'', @LockOwner = N''Transaction'', @LockTimeout = 60000;
IF @forge_lock < 0 THROW 50000, N''could not lock the creation of schema analytics_dbt_test__audit'', 1;
IF SCHEMA_ID(N''analytics_dbt_test__audit'') IS NULL EXEC(N''CREATE SCHEMA [analytics_dbt_test__audit]'');
COMMIT TRANSACTION;';

DROP TABLE IF EXISTS [warehouse].[analytics_dbt_test__audit].[relationships_orders_customer_id__customer_id__ref_customers___forge_tmp];

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics_dbt_test__audit].[relationships_orders_customer_id__customer_id__ref_customers___forge_tmp__forge_vw] AS
with child as (
    select customer_id as from_field
    from [warehouse].[analytics].[orders]
    where customer_id is not null
),
parent as (
    select customer_id as to_field
    from [warehouse].[analytics].[customers]
)
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null';
BEGIN TRY
    SELECT forge_source.* INTO [warehouse].[analytics_dbt_test__audit].[relationships_orders_customer_id__customer_id__ref_customers___forge_tmp] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [warehouse].[analytics_dbt_test__audit].[relationships_orders_customer_id__customer_id__ref_customers___forge_tmp__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [warehouse].[analytics_dbt_test__audit].[relationships_orders_customer_id__customer_id__ref_customers___forge_tmp] WITH (TABLOCK) SELECT * FROM [warehouse].[analytics_dbt_test__audit].[relationships_orders_customer_id__customer_id__ref_customers___forge_tmp__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics_dbt_test__audit].[relationships_orders_customer_id__customer_id__ref_customers___forge_tmp__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics_dbt_test__audit].[relationships_orders_customer_id__customer_id__ref_customers___forge_tmp__forge_vw]';

BEGIN TRANSACTION;

SET XACT_ABORT ON;

EXEC [warehouse].[sys].[sp_rename] @objname = N'[analytics_dbt_test__audit].[relationships_orders_customer_id__customer_id__ref_customers___forge_tmp]', @newname = N'relationships_orders_customer_id__customer_id__ref_customers_', @objtype = N'OBJECT';

COMMIT TRANSACTION;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select top (10) *
from (
select * from [warehouse].[analytics_dbt_test__audit].[relationships_orders_customer_id__customer_id__ref_customers_]
) forge_limited
) dbt_internal_test;

select
    count(*) as failures,
    case when count(*) != 0 then 1 else 0 end as should_warn,
    case when count(*) != 0 then 1 else 0 end as should_error
from (
select id as unique_field, count(*) as n_records
from [warehouse].[analytics].[orders]
where id is not null
group by id
having count(*) > 1
) dbt_internal_test;

