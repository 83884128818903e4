SET XACT_ABORT ON;

SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END FROM [warehouse].INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = N'analytics';

DROP TABLE IF EXISTS [warehouse].[analytics].[events_append__forge_incr];

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[events_append__forge_incr__forge_vw] AS

select 1 as id, cast(''a'' as nvarchar(4000)) as kind, sysdatetime() as seen_at';
BEGIN TRY
    SELECT forge_source.* INTO [warehouse].[analytics].[events_append__forge_incr] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [warehouse].[analytics].[events_append__forge_incr__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [warehouse].[analytics].[events_append__forge_incr] WITH (TABLOCK) SELECT * FROM [warehouse].[analytics].[events_append__forge_incr__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[events_append__forge_incr__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[events_append__forge_incr__forge_vw]';

SELECT COLUMN_NAME, CASE
    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'
    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'
    ELSE DATA_TYPE END
FROM [warehouse].INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = N'analytics' AND TABLE_NAME = N'events_append'
ORDER BY ORDINAL_POSITION;

SELECT COLUMN_NAME, CASE
    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'
    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'
    ELSE DATA_TYPE END
FROM [warehouse].INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = N'analytics' AND TABLE_NAME = N'events_append__forge_incr'
ORDER BY ORDINAL_POSITION;

BEGIN TRANSACTION;

SET XACT_ABORT ON;

INSERT INTO [warehouse].[analytics].[events_append] ([id], [kind], [seen_at])
SELECT [id], [kind], [seen_at]
FROM [warehouse].[analytics].[events_append__forge_incr];

COMMIT TRANSACTION;

DROP TABLE IF EXISTS [warehouse].[analytics].[events_append__forge_incr];

DROP TABLE IF EXISTS [warehouse].[analytics].[events_delete_insert__forge_incr];

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[events_delete_insert__forge_incr__forge_vw] AS

select 1 as id, cast(''a'' as nvarchar(4000)) as kind, sysdatetime() as seen_at';
BEGIN TRY
    SELECT forge_source.* INTO [warehouse].[analytics].[events_delete_insert__forge_incr] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [warehouse].[analytics].[events_delete_insert__forge_incr__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [warehouse].[analytics].[events_delete_insert__forge_incr] WITH (TABLOCK) SELECT * FROM [warehouse].[analytics].[events_delete_insert__forge_incr__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[events_delete_insert__forge_incr__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[events_delete_insert__forge_incr__forge_vw]';

SELECT COLUMN_NAME, CASE
    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'
    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'
    ELSE DATA_TYPE END
FROM [warehouse].INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = N'analytics' AND TABLE_NAME = N'events_delete_insert'
ORDER BY ORDINAL_POSITION;

SELECT COLUMN_NAME, CASE
    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'
    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'
    ELSE DATA_TYPE END
FROM [warehouse].INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = N'analytics' AND TABLE_NAME = N'events_delete_insert__forge_incr'
ORDER BY ORDINAL_POSITION;

BEGIN TRANSACTION;

SET XACT_ABORT ON;

DELETE forge_target
FROM [warehouse].[analytics].[events_delete_insert] AS forge_target
WHERE EXISTS (
    SELECT 1 FROM [warehouse].[analytics].[events_delete_insert__forge_incr] AS forge_source
    WHERE forge_source.[id] = forge_target.[id] AND forge_source.[kind] = forge_target.[kind]
);

INSERT INTO [warehouse].[analytics].[events_delete_insert] ([id], [kind], [seen_at])
SELECT [id], [kind], [seen_at]
FROM [warehouse].[analytics].[events_delete_insert__forge_incr];

COMMIT TRANSACTION;

DROP TABLE IF EXISTS [warehouse].[analytics].[events_delete_insert__forge_incr];

DROP TABLE IF EXISTS [warehouse].[analytics].[events_merge__forge_incr];

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[events_merge__forge_incr__forge_vw] AS

with e as (select 1 as id, cast(''a'' as nvarchar(4000)) as kind, sysdatetime() as seen_at)
select * from e
where seen_at > (select max(seen_at) from [warehouse].[analytics].[events_merge])';
BEGIN TRY
    SELECT forge_source.* INTO [warehouse].[analytics].[events_merge__forge_incr] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [warehouse].[analytics].[events_merge__forge_incr__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [warehouse].[analytics].[events_merge__forge_incr] WITH (TABLOCK) SELECT * FROM [warehouse].[analytics].[events_merge__forge_incr__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[events_merge__forge_incr__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[events_merge__forge_incr__forge_vw]';

SELECT COLUMN_NAME, CASE
    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'
    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'
    ELSE DATA_TYPE END
FROM [warehouse].INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = N'analytics' AND TABLE_NAME = N'events_merge'
ORDER BY ORDINAL_POSITION;

SELECT COLUMN_NAME, CASE
    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'
    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'
    ELSE DATA_TYPE END
FROM [warehouse].INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = N'analytics' AND TABLE_NAME = N'events_merge__forge_incr'
ORDER BY ORDINAL_POSITION;

SELECT TOP (1) [id], COUNT(*) FROM [warehouse].[analytics].[events_merge__forge_incr] WHERE [id] IS NOT NULL GROUP BY [id] HAVING COUNT(*) > 1;

BEGIN TRANSACTION;

SET XACT_ABORT ON;

MERGE INTO [warehouse].[analytics].[events_merge] WITH (HOLDLOCK) AS forge_target
USING [warehouse].[analytics].[events_merge__forge_incr] AS forge_source
ON (forge_source.[id] = forge_target.[id])
WHEN MATCHED THEN UPDATE SET [kind] = forge_source.[kind], [seen_at] = forge_source.[seen_at]
WHEN NOT MATCHED THEN INSERT ([id], [kind], [seen_at])
    VALUES (forge_source.[id], forge_source.[kind], forge_source.[seen_at]);;

COMMIT TRANSACTION;

DROP TABLE IF EXISTS [warehouse].[analytics].[events_merge__forge_incr];

