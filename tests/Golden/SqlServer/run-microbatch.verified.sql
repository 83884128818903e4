SET XACT_ABORT ON;

SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END FROM [warehouse].INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = N'analytics';

EXEC [warehouse].[sys].[sp_executesql] N'SET XACT_ABORT ON;
BEGIN TRANSACTION;
DECLARE @forge_lock int;
EXEC @forge_lock = sp_getapplock @Resource = N''forge:schema:analytics'', @LockMode = N''Exclusive'', @LockOwner = N''Transaction'', @LockTimeout = 60000;
IF @forge_lock < 0 THROW 50000, N''could not lock the creation of schema analytics'', 1;
IF SCHEMA_ID(N''analytics'') IS NULL EXEC(N''CREATE SCHEMA [analytics]'');
COMMIT TRANSACTION;';

DROP TABLE IF EXISTS [warehouse].[analytics].[daily_orders__forge_tmp];

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[daily_orders__forge_tmp__forge_vw] AS

select id, ordered_at, ''20240101'' as batch_id from (select * from [warehouse].[raw].[orders] where ordered_at >= cast(''2024-01-01T00:00:00.000000'' as datetime2(6)) and ordered_at < cast(''2024-01-02T00:00:00.000000'' as datetime2(6))) _dbt_et_filter_subq_orders';
BEGIN TRY
    SELECT forge_source.* INTO [warehouse].[analytics].[daily_orders__forge_tmp] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [warehouse].[analytics].[daily_orders__forge_tmp__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [warehouse].[analytics].[daily_orders__forge_tmp] WITH (TABLOCK) SELECT * FROM [warehouse].[analytics].[daily_orders__forge_tmp__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[daily_orders__forge_tmp__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[daily_orders__forge_tmp__forge_vw]';

BEGIN TRANSACTION;

SET XACT_ABORT ON;

EXEC [warehouse].[sys].[sp_rename] @objname = N'[analytics].[daily_orders__forge_tmp]', @newname = N'daily_orders', @objtype = N'OBJECT';

COMMIT TRANSACTION;

DROP TABLE IF EXISTS [warehouse].[analytics].[daily_orders__forge_incr];

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[daily_orders__forge_incr__forge_vw] AS

select id, ordered_at, ''20240102'' as batch_id from (select * from [warehouse].[raw].[orders] where ordered_at >= cast(''2024-01-02T00:00:00.000000'' as datetime2(6)) and ordered_at < cast(''2024-01-03T00:00:00.000000'' as datetime2(6))) _dbt_et_filter_subq_orders';
BEGIN TRY
    SELECT forge_source.* INTO [warehouse].[analytics].[daily_orders__forge_incr] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [warehouse].[analytics].[daily_orders__forge_incr__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [warehouse].[analytics].[daily_orders__forge_incr] WITH (TABLOCK) SELECT * FROM [warehouse].[analytics].[daily_orders__forge_incr__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[daily_orders__forge_incr__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[daily_orders__forge_incr__forge_vw]';

SELECT COLUMN_NAME, CASE
    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'
    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'
    ELSE DATA_TYPE END
FROM [warehouse].INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = N'analytics' AND TABLE_NAME = N'daily_orders'
ORDER BY ORDINAL_POSITION;

SELECT COLUMN_NAME, CASE
    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'
    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'
    ELSE DATA_TYPE END
FROM [warehouse].INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = N'analytics' AND TABLE_NAME = N'daily_orders__forge_incr'
ORDER BY ORDINAL_POSITION;

BEGIN TRANSACTION;

SET XACT_ABORT ON;

DELETE FROM [warehouse].[analytics].[daily_orders]
WHERE ordered_at >= cast('2024-01-02T00:00:00.000000' as datetime2(6)) and ordered_at < cast('2024-01-03T00:00:00.000000' as datetime2(6));

INSERT INTO [warehouse].[analytics].[daily_orders] ([id], [ordered_at], [batch_id])
SELECT [id], [ordered_at], [batch_id]
FROM [warehouse].[analytics].[daily_orders__forge_incr];

COMMIT TRANSACTION;

DROP TABLE IF EXISTS [warehouse].[analytics].[daily_orders__forge_incr];

