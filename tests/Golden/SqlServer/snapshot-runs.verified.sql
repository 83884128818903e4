-- first run
SET XACT_ABORT ON;

SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END FROM [warehouse].INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = N'snapshots';

EXEC [warehouse].[sys].[sp_executesql] N'SET XACT_ABORT ON;
BEGIN TRANSACTION;
DECLARE @forge_lock int;
EXEC @forge_lock = sp_getapplock @Resource = N''forge:schema:snapshots'', @LockMode = N''Exclusive'', @LockOwner = N''Transaction'', @LockTimeout = 60000;
IF @forge_lock < 0 THROW 50000, N''could not lock the creation of schema snapshots'', 1;
IF SCHEMA_ID(N''snapshots'') IS NULL EXEC(N''CREATE SCHEMA [snapshots]'');
COMMIT TRANSACTION;';

DROP TABLE IF EXISTS [warehouse].[snapshots].[events_snapshot__forge_tmp];

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [snapshots].[events_snapshot__forge_tmp__forge_vw] AS


with e as (select 1 as id, cast(''a'' as nvarchar(4000)) as kind)
select snapshot_query.*,
    lower(convert(char(32), hashbytes(''MD5'', concat(coalesce(cast(id as nvarchar(max)), ''''), ''|'', coalesce(cast(cast(sysdatetime() as datetime2(6)) as nvarchar(max)), ''''))), 2)) as [dbt_scd_id],
    cast(sysdatetime() as datetime2(6)) as [dbt_updated_at],
    cast(sysdatetime() as datetime2(6)) as [dbt_valid_from],
    nullif(cast(sysdatetime() as datetime2(6)), cast(sysdatetime() as datetime2(6))) as [dbt_valid_to]
from (
select * from e
) as snapshot_query';
BEGIN TRY
    SELECT forge_source.* INTO [warehouse].[snapshots].[events_snapshot__forge_tmp] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [warehouse].[snapshots].[events_snapshot__forge_tmp__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [warehouse].[snapshots].[events_snapshot__forge_tmp] WITH (TABLOCK) SELECT * FROM [warehouse].[snapshots].[events_snapshot__forge_tmp__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [snapshots].[events_snapshot__forge_tmp__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [snapshots].[events_snapshot__forge_tmp__forge_vw]';

BEGIN TRANSACTION;

SET XACT_ABORT ON;

EXEC [warehouse].[sys].[sp_rename] @objname = N'[snapshots].[events_snapshot__forge_tmp]', @newname = N'events_snapshot', @objtype = N'OBJECT';

COMMIT TRANSACTION;

-- later run
SET XACT_ABORT ON;

SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END FROM [warehouse].INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = N'snapshots';

DROP TABLE IF EXISTS [warehouse].[snapshots].[events_snapshot__forge_snapshot_source];

DROP TABLE IF EXISTS [warehouse].[snapshots].[events_snapshot__forge_snapshot_changes];

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [snapshots].[events_snapshot__forge_snapshot_source__forge_vw] AS


with e as (select 1 as id, cast(''a'' as nvarchar(4000)) as kind)
select * from e';
BEGIN TRY
    SELECT forge_source.* INTO [warehouse].[snapshots].[events_snapshot__forge_snapshot_source] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [warehouse].[snapshots].[events_snapshot__forge_snapshot_source__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [warehouse].[snapshots].[events_snapshot__forge_snapshot_source] WITH (TABLOCK) SELECT * FROM [warehouse].[snapshots].[events_snapshot__forge_snapshot_source__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [snapshots].[events_snapshot__forge_snapshot_source__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [snapshots].[events_snapshot__forge_snapshot_source__forge_vw]';

SELECT COLUMN_NAME, CASE
    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'
    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'
    ELSE DATA_TYPE END
FROM [warehouse].INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = N'snapshots' AND TABLE_NAME = N'events_snapshot__forge_snapshot_source'
ORDER BY ORDINAL_POSITION;

SELECT COLUMN_NAME, CASE
    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'
    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'
    ELSE DATA_TYPE END
FROM [warehouse].INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = N'snapshots' AND TABLE_NAME = N'events_snapshot'
ORDER BY ORDINAL_POSITION;

EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [snapshots].[events_snapshot__forge_snapshot_changes__forge_vw] AS
with source_data as (
    select snapshot_query.*, id as forge_unique_key_1,
        cast(sysdatetime() as datetime2(6)) as forge_updated_at,
        lower(convert(char(32), hashbytes(''MD5'', concat(coalesce(cast(id as nvarchar(max)), ''''), ''|'', coalesce(cast(cast(sysdatetime() as datetime2(6)) as nvarchar(max)), ''''))), 2)) as forge_scd_id
    from [warehouse].[snapshots].[events_snapshot__forge_snapshot_source] as snapshot_query
),
current_rows as (
    select *, id as forge_unique_key_1
    from [warehouse].[snapshots].[events_snapshot]
    where [dbt_valid_to] is null
)
select ''insert'' as [dbt_change_type], s.[id], s.[kind],
    s.forge_scd_id as [dbt_scd_id], s.forge_updated_at as [dbt_updated_at], s.forge_updated_at as [dbt_valid_from], nullif(s.forge_updated_at, s.forge_updated_at) as [dbt_valid_to]
from source_data as s
left join current_rows as c on c.forge_unique_key_1 = s.forge_unique_key_1
where c.forge_unique_key_1 is null
   or (c.[id] <> s.[id] or (c.[id] is null and s.[id] is not null) or (c.[id] is not null and s.[id] is null) or (c.[id] = s.[id] and cast(concat(c.[id], N'''') as varbinary(max)) <> cast(concat(s.[id], N'''') as varbinary(max))))
       or (c.[kind] <> s.[kind] or (c.[kind] is null and s.[kind] is not null) or (c.[kind] is not null and s.[kind] is null) or (c.[kind] = s.[kind] and cast(concat(c.[kind], N'''') as varbinary(max)) <> cast(concat(s.[kind], N'''') as varbinary(max))))
union all
select ''update'', s.[id], s.[kind],
    c.[dbt_scd_id] as [dbt_scd_id], s.forge_updated_at as [dbt_updated_at], s.forge_updated_at as [dbt_valid_from], s.forge_updated_at as [dbt_valid_to]
from source_data as s
join current_rows as c on c.forge_unique_key_1 = s.forge_unique_key_1
where (c.[id] <> s.[id] or (c.[id] is null and s.[id] is not null) or (c.[id] is not null and s.[id] is null) or (c.[id] = s.[id] and cast(concat(c.[id], N'''') as varbinary(max)) <> cast(concat(s.[id], N'''') as varbinary(max))))
       or (c.[kind] <> s.[kind] or (c.[kind] is null and s.[kind] is not null) or (c.[kind] is not null and s.[kind] is null) or (c.[kind] = s.[kind] and cast(concat(c.[kind], N'''') as varbinary(max)) <> cast(concat(s.[kind], N'''') as varbinary(max))))';
BEGIN TRY
    SELECT forge_source.* INTO [warehouse].[snapshots].[events_snapshot__forge_snapshot_changes] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [warehouse].[snapshots].[events_snapshot__forge_snapshot_changes__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [warehouse].[snapshots].[events_snapshot__forge_snapshot_changes] WITH (TABLOCK) SELECT * FROM [warehouse].[snapshots].[events_snapshot__forge_snapshot_changes__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [snapshots].[events_snapshot__forge_snapshot_changes__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [snapshots].[events_snapshot__forge_snapshot_changes__forge_vw]';

BEGIN TRANSACTION;

SET XACT_ABORT ON;

UPDATE forge_target
SET [dbt_valid_to] = forge_source.[dbt_valid_to]
FROM [warehouse].[snapshots].[events_snapshot] AS forge_target
INNER JOIN [warehouse].[snapshots].[events_snapshot__forge_snapshot_changes] AS forge_source ON forge_source.[dbt_scd_id] = forge_target.[dbt_scd_id]
WHERE forge_source.[dbt_change_type] IN ('update', 'delete')
  AND forge_target.[dbt_valid_to] IS NULL;

INSERT INTO [warehouse].[snapshots].[events_snapshot] ([id], [kind], [dbt_scd_id], [dbt_updated_at], [dbt_valid_from], [dbt_valid_to])
SELECT [id], [kind], [dbt_scd_id], [dbt_updated_at], [dbt_valid_from], [dbt_valid_to]
FROM [warehouse].[snapshots].[events_snapshot__forge_snapshot_changes]
WHERE [dbt_change_type] = 'insert';

COMMIT TRANSACTION;

DROP TABLE IF EXISTS [warehouse].[snapshots].[events_snapshot__forge_snapshot_changes];

DROP TABLE IF EXISTS [warehouse].[snapshots].[events_snapshot__forge_snapshot_source];

