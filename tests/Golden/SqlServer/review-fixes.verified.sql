-- grants on a swapped-in table
EXEC [warehouse].[sys].[sp_executesql] N'GRANT SELECT ON OBJECT::[analytics].[orders] TO [reporting];
GRANT SELECT ON OBJECT::[analytics].[orders] TO [odd]]role];
GRANT VIEW DEFINITION ON OBJECT::[analytics].[orders] TO [auditor];';

-- grants on an existing object: others revoked
EXEC(N'DECLARE @forge_revoke nvarchar(max) = N'''';
SELECT @forge_revoke = @forge_revoke + N''REVOKE '' + p.permission_name + N'' ON OBJECT::[o''''brien].[orders] FROM '' + QUOTENAME(u.name) + CASE WHEN p.state = ''W'' THEN N'' CASCADE'' ELSE N'''' END + N'';''
FROM sys.database_permissions AS p
INNER JOIN sys.database_principals AS u ON u.principal_id = p.grantee_principal_id
WHERE p.class = 1 AND p.minor_id = 0 AND p.major_id = OBJECT_ID(N''[o''''brien].[orders]'')
  AND p.state IN (''G'', ''W'')
  AND NOT EXISTS (SELECT 1 FROM (VALUES (N''SELECT'', N''reporting''), (N''SELECT'', N''odd]role''), (N''VIEW DEFINITION'', N''auditor'')) AS c(privilege, grantee)
                  WHERE c.privilege = p.permission_name AND c.grantee = u.name);
EXEC (@forge_revoke);
GRANT SELECT ON OBJECT::[o''brien].[orders] TO [reporting];
GRANT SELECT ON OBJECT::[o''brien].[orders] TO [odd]]role];
GRANT VIEW DEFINITION ON OBJECT::[o''brien].[orders] TO [auditor];');

-- contract keys are nonclustered beside a clustered columnstore index
create table [warehouse].[analytics].[orders] (
    [id] int not null primary key nonclustered,
    [code] varchar(10),
    unique nonclustered ([code])
);

-- table from a query: no IDENTITY, no NOT NULL, helper view dropped on failure
EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[orders__forge_tmp__forge_vw] AS
with a as (select 1 as id) select * from a';
BEGIN TRY
    SELECT forge_source.* INTO [warehouse].[analytics].[orders__forge_tmp] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [warehouse].[analytics].[orders__forge_tmp__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [warehouse].[analytics].[orders__forge_tmp] WITH (TABLOCK) SELECT * FROM [warehouse].[analytics].[orders__forge_tmp__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[orders__forge_tmp__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[orders__forge_tmp__forge_vw]';

-- merge leaves the key out of UPDATE SET
MERGE INTO [warehouse].[analytics].[orders] WITH (HOLDLOCK) AS forge_target
USING [warehouse].[analytics].[orders__forge_incr] AS forge_source
ON (forge_source.[id] = forge_target.[id])
WHEN MATCHED THEN UPDATE SET [amount] = forge_source.[amount]
WHEN NOT MATCHED THEN INSERT ([id], [amount])
    VALUES (forge_source.[id], forge_source.[amount]);

-- merge limited by incremental_predicates
MERGE INTO [warehouse].[analytics].[orders] WITH (HOLDLOCK) AS forge_target
USING [warehouse].[analytics].[orders__forge_incr] AS forge_source
ON (forge_source.[id] = forge_target.[id] AND (forge_target.created_at > dateadd(day, -7, sysdatetime())))
WHEN MATCHED THEN UPDATE SET [amount] = forge_source.[amount]
WHEN NOT MATCHED THEN INSERT ([id], [amount])
    VALUES (forge_source.[id], forge_source.[amount]);

-- delete+insert limited by incremental_predicates
DELETE forge_target
FROM [warehouse].[analytics].[orders] AS forge_target
WHERE EXISTS (
    SELECT 1 FROM [warehouse].[analytics].[orders__forge_incr] AS forge_source
    WHERE forge_source.[id] = forge_target.[id]
)
  AND (forge_target.created_at > dateadd(day, -7, sysdatetime()))
  AND (forge_source.id > 0);

-- reserved-word keys are quoted
DELETE forge_target
FROM [warehouse].[analytics].[orders] AS forge_target
WHERE EXISTS (
    SELECT 1 FROM [warehouse].[analytics].[orders__forge_incr] AS forge_source
    WHERE forge_source.[order] = forge_target.[order] AND forge_source.[user id] = forge_target.[user id]
);

-- duplicate keys leave null keys out
SELECT TOP (1) [order], COUNT(*) FROM [warehouse].[analytics].[orders__forge_incr] WHERE [order] IS NOT NULL GROUP BY [order] HAVING COUNT(*) > 1;

-- a column the batch left out takes nulls
ALTER TABLE [warehouse].[analytics].[orders] ALTER COLUMN [legacy] nvarchar(50) NULL;

-- list columns: xml has no length
SELECT COLUMN_NAME, CASE
    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'
    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'
    ELSE DATA_TYPE END
FROM [warehouse].INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = N'analytics' AND TABLE_NAME = N'orders'
ORDER BY ORDINAL_POSITION;

-- scd id of a datetime updated_at
select lower(convert(char(32), hashbytes('MD5', concat(coalesce(cast(id as nvarchar(max)), ''), '|', coalesce(cast(convert(nvarchar(64), updated_at, 121) as nvarchar(max)), ''))), 2)) as h from t;

-- check strategy sees case and trailing spaces
select 1 from c join s on c.id = s.id where (c.[name] <> s.[name] or (c.[name] is null and s.[name] is not null) or (c.[name] is not null and s.[name] is null) or (c.[name] = s.[name] and cast(concat(c.[name], N'') as varbinary(max)) <> cast(concat(s.[name], N'') as varbinary(max))));

-- preview of a query with a leading WITH
with a as (select 1 as id)
select top (5) *
from (
select * from a
) forge_limited;

-- preview of a query ending in ORDER BY
with a as (select 1 as id) select * from a order by id
offset 0 rows fetch next 5 rows only;

-- preview of a plain query
select top (5) *
from (
select 1 as id
) forge_limited;

-- a test query ending in ORDER BY, nested in the count wrapper
select count(*) from (
select id from t where id < 0 order by id
offset 0 rows
) dbt_internal_test;

