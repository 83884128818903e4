SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END FROM [warehouse].INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = N'raw';

select column_name from [warehouse].information_schema.columns where table_schema = N'raw' and table_name = N'members' order by ordinal_position;

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

