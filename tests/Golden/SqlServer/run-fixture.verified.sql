SET XACT_ABORT ON;

SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END FROM [warehouse].INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = N'analytics';

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[stg_orders] AS
select 1 as id, 10 as customer_id, cast(2.50 as decimal(10, 2)) as amount, ''it''''s'' as note';

DROP TABLE IF EXISTS [warehouse].[analytics].[orders__forge_tmp];

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[orders__forge_tmp__forge_vw] AS

with o as (
    select * from [warehouse].[analytics].[stg_orders]
)
select * from o';
BEGIN TRY
    SELECT forge_source.* INTO [warehouse].[analytics].[orders__forge_tmp] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [warehouse].[analytics].[orders__forge_tmp__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [warehouse].[analytics].[orders__forge_tmp] WITH (TABLOCK) SELECT * FROM [warehouse].[analytics].[orders__forge_tmp__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[orders__forge_tmp__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[orders__forge_tmp__forge_vw]';

CREATE CLUSTERED COLUMNSTORE INDEX [cci] ON [warehouse].[analytics].[orders__forge_tmp];

CREATE NONCLUSTERED INDEX [ix_customer_id] ON [warehouse].[analytics].[orders__forge_tmp] ([customer_id]) INCLUDE ([amount]);

BEGIN TRANSACTION;

SET XACT_ABORT ON;

EXEC [warehouse].[sys].[sp_rename] @objname = N'[analytics].[orders__forge_tmp]', @newname = N'orders', @objtype = N'OBJECT';

COMMIT TRANSACTION;

DROP TABLE IF EXISTS [warehouse].[analytics].[customers__forge_tmp];

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[customers__forge_tmp__forge_vw] AS

select customer_id, string_agg(cast(note as nvarchar(max)), '', '') within group (order by note) as notes, cast(max(case when amount > 2 then 1 else 0 end) as bit) as any_large
from [warehouse].[analytics].[orders]
group by customer_id';
BEGIN TRY
    SELECT forge_source.* INTO [warehouse].[analytics].[customers__forge_tmp] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [warehouse].[analytics].[customers__forge_tmp__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [warehouse].[analytics].[customers__forge_tmp] WITH (TABLOCK) SELECT * FROM [warehouse].[analytics].[customers__forge_tmp__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[customers__forge_tmp__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[customers__forge_tmp__forge_vw]';

CREATE UNIQUE CLUSTERED INDEX [ux_customer_id] ON [warehouse].[analytics].[customers__forge_tmp] ([customer_id]);

BEGIN TRANSACTION;

SET XACT_ABORT ON;

DROP TABLE IF EXISTS [warehouse].[analytics].[customers__forge_backup];

EXEC [warehouse].[sys].[sp_rename] @objname = N'[analytics].[customers]', @newname = N'customers__forge_backup', @objtype = N'OBJECT';

EXEC [warehouse].[sys].[sp_rename] @objname = N'[analytics].[customers__forge_tmp]', @newname = N'customers', @objtype = N'OBJECT';

COMMIT TRANSACTION;

DROP TABLE IF EXISTS [warehouse].[analytics].[customers__forge_backup];

EXEC [warehouse].[sys].[sp_executesql] N'DECLARE @forge_view nvarchar(776);
DECLARE forge_views CURSOR LOCAL FAST_FORWARD FOR
    SELECT DISTINCT QUOTENAME(OBJECT_SCHEMA_NAME(d.referencing_id)) + N''.'' + QUOTENAME(OBJECT_NAME(d.referencing_id))
    FROM sys.sql_expression_dependencies AS d
    INNER JOIN sys.views AS v ON v.object_id = d.referencing_id
    WHERE d.referenced_entity_name = N''customers''
      AND (d.referenced_schema_name = N''analytics'' OR d.referenced_schema_name IS NULL)
      AND (d.referenced_database_name IS NULL OR d.referenced_database_name = DB_NAME());
OPEN forge_views;
FETCH NEXT FROM forge_views INTO @forge_view;
WHILE @@FETCH_STATUS = 0
BEGIN
    BEGIN TRY
        EXEC sp_refreshview @forge_view;
    END TRY
    BEGIN CATCH
    END CATCH;
    FETCH NEXT FROM forge_views INTO @forge_view;
END;
CLOSE forge_views;
DEALLOCATE forge_views;';

BEGIN TRANSACTION;

SET XACT_ABORT ON;

DROP TABLE IF EXISTS [warehouse].[analytics].[customer_view];

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[customer_view] AS
select customer_id, concat(cast(customer_id as nvarchar(max)), ''-'', notes) as label,
    dateadd(day, 7, cast(cast(sysdatetime() as datetime2(6)) as datetime2(6))) as due_at
from [warehouse].[analytics].[customers]';

COMMIT TRANSACTION;

EXEC [warehouse].[sys].[sp_executesql] N'DECLARE @forge_view nvarchar(776);
DECLARE forge_views CURSOR LOCAL FAST_FORWARD FOR
    SELECT DISTINCT QUOTENAME(OBJECT_SCHEMA_NAME(d.referencing_id)) + N''.'' + QUOTENAME(OBJECT_NAME(d.referencing_id))
    FROM sys.sql_expression_dependencies AS d
    INNER JOIN sys.views AS v ON v.object_id = d.referencing_id
    WHERE d.referenced_entity_name = N''customer_view''
      AND (d.referenced_schema_name = N''analytics'' OR d.referenced_schema_name IS NULL)
      AND (d.referenced_database_name IS NULL OR d.referenced_database_name = DB_NAME());
OPEN forge_views;
FETCH NEXT FROM forge_views INTO @forge_view;
WHILE @@FETCH_STATUS = 0
BEGIN
    BEGIN TRY
        EXEC sp_refreshview @forge_view;
    END TRY
    BEGIN CATCH
    END CATCH;
    FETCH NEXT FROM forge_views INTO @forge_view;
END;
CLOSE forge_views;
DEALLOCATE forge_views;';

SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END FROM [warehouse].INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = N'analytics_marts';

EXEC [warehouse].[sys].[sp_executesql] N'SET XACT_ABORT ON;
BEGIN TRANSACTION;
DECLARE @forge_lock int;
EXEC @forge_lock = sp_getapplock @Resource = N''forge:schema:analytics_marts'', @LockMode = N''Exclusive'', @LockOwner = N''Transaction'', @LockTimeout = 60000;
IF @forge_lock < 0 THROW 50000, N''could not lock the creation of schema analytics_marts'', 1;
IF SCHEMA_ID(N''analytics_marts'') IS NULL EXEC(N''CREATE SCHEMA [analytics_marts]'');
COMMIT TRANSACTION;';

DROP TABLE IF EXISTS [warehouse].[analytics_marts].[customer_days__forge_tmp];

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics_marts].[customer_days__forge_tmp__forge_vw] AS

select customer_id, cast(dateadd(day, -((datepart(weekday, due_at) + @@datefirst - 2) % 7), cast(due_at as date)) as datetime2(6)) as due_week, eomonth(due_at) as month_end
from [warehouse].[analytics].[customer_view]';
BEGIN TRY
    SELECT forge_source.* INTO [warehouse].[analytics_marts].[customer_days__forge_tmp] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [warehouse].[analytics_marts].[customer_days__forge_tmp__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [warehouse].[analytics_marts].[customer_days__forge_tmp] WITH (TABLOCK) SELECT * FROM [warehouse].[analytics_marts].[customer_days__forge_tmp__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics_marts].[customer_days__forge_tmp__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics_marts].[customer_days__forge_tmp__forge_vw]';

BEGIN TRANSACTION;

SET XACT_ABORT ON;

EXEC [warehouse].[sys].[sp_rename] @objname = N'[analytics_marts].[customer_days__forge_tmp]', @newname = N'customer_days', @objtype = N'OBJECT';

COMMIT TRANSACTION;

