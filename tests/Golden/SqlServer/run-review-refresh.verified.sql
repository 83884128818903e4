SET XACT_ABORT ON;

SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END FROM [warehouse].INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = N'analytics';

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[cities] AS

select cast(N''Łódź'' as nvarchar(20)) as city';

EXEC [warehouse].[sys].[sp_executesql] N'DECLARE @forge_view nvarchar(776);
DECLARE forge_views CURSOR LOCAL FAST_FORWARD FOR
    SELECT DISTINCT QUOTENAME(OBJECT_SCHEMA_NAME(d.referencing_id)) + N''.'' + QUOTENAME(OBJECT_NAME(d.referencing_id))
    FROM sys.sql_expression_dependencies AS d
    INNER JOIN sys.views AS v ON v.object_id = d.referencing_id
    WHERE d.referenced_entity_name = N''cities''
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

SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END FROM [otherdb].INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = N'analytics';

DROP TABLE IF EXISTS [otherdb].[analytics].[incr_otherdb__forge_incr];

EXEC [otherdb].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[incr_otherdb__forge_incr__forge_vw] AS

select 1 as id, sysdatetime() as seen_at
where seen_at > (select max(seen_at) from [otherdb].[analytics].[incr_otherdb])';
BEGIN TRY
    SELECT forge_source.* INTO [otherdb].[analytics].[incr_otherdb__forge_incr] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [otherdb].[analytics].[incr_otherdb__forge_incr__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [otherdb].[analytics].[incr_otherdb__forge_incr] WITH (TABLOCK) SELECT * FROM [otherdb].[analytics].[incr_otherdb__forge_incr__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [otherdb].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[incr_otherdb__forge_incr__forge_vw]';
    THROW;
END CATCH;
EXEC [otherdb].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[incr_otherdb__forge_incr__forge_vw]';

SELECT COLUMN_NAME, CASE
    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'
    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'
    ELSE DATA_TYPE END
FROM [otherdb].INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = N'analytics' AND TABLE_NAME = N'incr_otherdb'
ORDER BY ORDINAL_POSITION;

SELECT COLUMN_NAME, CASE
    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'
    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'
    ELSE DATA_TYPE END
FROM [otherdb].INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = N'analytics' AND TABLE_NAME = N'incr_otherdb__forge_incr'
ORDER BY ORDINAL_POSITION;

BEGIN TRANSACTION;

SET XACT_ABORT ON;

ALTER TABLE [otherdb].[analytics].[incr_otherdb] ADD [seen_at] datetime2(7);

INSERT INTO [otherdb].[analytics].[incr_otherdb] ([id], [seen_at])
SELECT [id], [seen_at]
FROM [otherdb].[analytics].[incr_otherdb__forge_incr];

COMMIT TRANSACTION;

EXEC [otherdb].[sys].[sp_executesql] N'DECLARE @forge_view nvarchar(776);
DECLARE forge_views CURSOR LOCAL FAST_FORWARD FOR
    SELECT DISTINCT QUOTENAME(OBJECT_SCHEMA_NAME(d.referencing_id)) + N''.'' + QUOTENAME(OBJECT_NAME(d.referencing_id))
    FROM sys.sql_expression_dependencies AS d
    INNER JOIN sys.views AS v ON v.object_id = d.referencing_id
    WHERE d.referenced_entity_name = N''incr_otherdb''
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

DROP TABLE IF EXISTS [otherdb].[analytics].[incr_otherdb__forge_incr];

