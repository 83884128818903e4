SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END FROM [warehouse].INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = N'raw';

select COLUMN_NAME from [warehouse].INFORMATION_SCHEMA.COLUMNS where TABLE_SCHEMA = N'raw' and TABLE_NAME = N'members' order by ORDINAL_POSITION;

DROP TABLE IF EXISTS [warehouse].[raw].[members__forge_tmp];

create table [warehouse].[raw].[members__forge_tmp] (
  id BIGINT,
  name NVARCHAR(4000),
  joined_on DATE,
  score DECIMAL(3,2),
  active BIT,
  [order] NVARCHAR(4000)
);

-- bulk copy of 2 rows into [raw].[members__forge_tmp];

BEGIN TRANSACTION;

SET XACT_ABORT ON;

DROP TABLE IF EXISTS [warehouse].[raw].[members__forge_backup];

EXEC [warehouse].[sys].[sp_rename] @objname = N'[raw].[members]', @newname = N'members__forge_backup', @objtype = N'OBJECT';

EXEC [warehouse].[sys].[sp_rename] @objname = N'[raw].[members__forge_tmp]', @newname = N'members', @objtype = N'OBJECT';

COMMIT TRANSACTION;

DROP TABLE IF EXISTS [warehouse].[raw].[members__forge_backup];

EXEC [warehouse].[sys].[sp_executesql] N'DECLARE @forge_view nvarchar(776);
DECLARE forge_views CURSOR LOCAL FAST_FORWARD FOR
    SELECT DISTINCT QUOTENAME(OBJECT_SCHEMA_NAME(d.referencing_id)) + N''.'' + QUOTENAME(OBJECT_NAME(d.referencing_id))
    FROM sys.sql_expression_dependencies AS d
    INNER JOIN sys.views AS v ON v.object_id = d.referencing_id
    WHERE d.referenced_entity_name = N''members''
      AND (d.referenced_schema_name = N''raw'' OR d.referenced_schema_name IS NULL)
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

