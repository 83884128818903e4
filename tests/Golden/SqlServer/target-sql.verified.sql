-- create schema warehouse.analytics.orders
EXEC [warehouse].[sys].[sp_executesql] N'SET XACT_ABORT ON;
BEGIN TRANSACTION;
DECLARE @forge_lock int;
EXEC @forge_lock = sp_getapplock @Resource = N''forge:schema:analytics'', @LockMode = N''Exclusive'', @LockOwner = N''Transaction'', @LockTimeout = 60000;
IF @forge_lock < 0 THROW 50000, N''could not lock the creation of schema analytics'', 1;
IF SCHEMA_ID(N''analytics'') IS NULL EXEC(N''CREATE SCHEMA [analytics]'');
COMMIT TRANSACTION;';

-- list relations warehouse.analytics.orders
SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END FROM [warehouse].INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = N'analytics';

-- create view warehouse.analytics.orders
EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[orders] AS
with orders as (
    select id, ''it''''s'' as note from [raw].[orders]
)
select * from orders';

-- create table as warehouse.analytics.orders
EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[orders__forge_tmp__forge_vw] AS
with orders as (
    select id, ''it''''s'' as note from [raw].[orders]
)
select * from orders';
BEGIN TRY
    SELECT forge_source.* INTO [warehouse].[analytics].[orders__forge_tmp] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [warehouse].[analytics].[orders__forge_tmp__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [warehouse].[analytics].[orders__forge_tmp] WITH (TABLOCK) SELECT * FROM [warehouse].[analytics].[orders__forge_tmp__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[orders__forge_tmp__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[orders__forge_tmp__forge_vw]';

-- drop table warehouse.analytics.orders
DROP TABLE IF EXISTS [warehouse].[analytics].[orders];

-- drop view warehouse.analytics.orders
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[orders]';

-- rename table warehouse.analytics.orders
EXEC [warehouse].[sys].[sp_rename] @objname = N'[analytics].[orders]', @newname = N'orders__forge_backup', @objtype = N'OBJECT';

-- refresh dependent views warehouse.analytics.orders
EXEC [warehouse].[sys].[sp_executesql] N'DECLARE @forge_view nvarchar(776);
DECLARE forge_views CURSOR LOCAL FAST_FORWARD FOR
    SELECT DISTINCT QUOTENAME(OBJECT_SCHEMA_NAME(d.referencing_id)) + N''.'' + QUOTENAME(OBJECT_NAME(d.referencing_id))
    FROM sys.sql_expression_dependencies AS d
    INNER JOIN sys.views AS v ON v.object_id = d.referencing_id
    WHERE d.referenced_entity_name = N''orders''
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

-- table option warehouse.analytics.orders
CREATE CLUSTERED COLUMNSTORE INDEX [cci] ON [warehouse].[analytics].[orders];

-- table option warehouse.analytics.orders
CREATE UNIQUE NONCLUSTERED INDEX [ux_id] ON [warehouse].[analytics].[orders] ([id]);

-- table option warehouse.analytics.orders
CREATE NONCLUSTERED INDEX [ix_customer_id_ordered_at] ON [warehouse].[analytics].[orders] ([customer_id], [ordered_at]) INCLUDE ([amount]);

-- persist_docs table warehouse.analytics.orders
IF EXISTS (SELECT 1 FROM [warehouse].sys.extended_properties WHERE class = 1 AND major_id = OBJECT_ID(N'[warehouse].[analytics].[orders]') AND minor_id = 0 AND name = N'MS_Description')
    EXEC [warehouse].[sys].[sp_updateextendedproperty] @name = N'MS_Description', @value = N'Orders of ''the'' shop — zamówienia, 注文', @level0type = N'SCHEMA', @level0name = N'analytics', @level1type = N'TABLE', @level1name = N'orders';
ELSE
    EXEC [warehouse].[sys].[sp_addextendedproperty] @name = N'MS_Description', @value = N'Orders of ''the'' shop — zamówienia, 注文', @level0type = N'SCHEMA', @level0name = N'analytics', @level1type = N'TABLE', @level1name = N'orders';

-- persist_docs view warehouse.analytics.orders
IF EXISTS (SELECT 1 FROM [warehouse].sys.extended_properties WHERE class = 1 AND major_id = OBJECT_ID(N'[warehouse].[analytics].[orders]') AND minor_id = 0 AND name = N'MS_Description')
    EXEC [warehouse].[sys].[sp_updateextendedproperty] @name = N'MS_Description', @value = N'A view', @level0type = N'SCHEMA', @level0name = N'analytics', @level1type = N'VIEW', @level1name = N'orders';
ELSE
    EXEC [warehouse].[sys].[sp_addextendedproperty] @name = N'MS_Description', @value = N'A view', @level0type = N'SCHEMA', @level0name = N'analytics', @level1type = N'VIEW', @level1name = N'orders';

-- persist_docs column warehouse.analytics.orders
IF EXISTS (SELECT 1 FROM [warehouse].sys.extended_properties WHERE class = 1 AND major_id = OBJECT_ID(N'[warehouse].[analytics].[orders]') AND minor_id = COLUMNPROPERTY(OBJECT_ID(N'[warehouse].[analytics].[orders]'), N'o''col]x', 'ColumnId') AND name = N'MS_Description')
    EXEC [warehouse].[sys].[sp_updateextendedproperty] @name = N'MS_Description', @value = N'It''s the id', @level0type = N'SCHEMA', @level0name = N'analytics', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'o''col]x';
ELSE
    EXEC [warehouse].[sys].[sp_addextendedproperty] @name = N'MS_Description', @value = N'It''s the id', @level0type = N'SCHEMA', @level0name = N'analytics', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'o''col]x';

-- create schema (no database).analytics.orders
EXEC(N'SET XACT_ABORT ON;
BEGIN TRANSACTION;
DECLARE @forge_lock int;
EXEC @forge_lock = sp_getapplock @Resource = N''forge:schema:analytics'', @LockMode = N''Exclusive'', @LockOwner = N''Transaction'', @LockTimeout = 60000;
IF @forge_lock < 0 THROW 50000, N''could not lock the creation of schema analytics'', 1;
IF SCHEMA_ID(N''analytics'') IS NULL EXEC(N''CREATE SCHEMA [analytics]'');
COMMIT TRANSACTION;');

-- list relations (no database).analytics.orders
SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = N'analytics';

-- create view (no database).analytics.orders
EXEC(N'CREATE OR ALTER VIEW [analytics].[orders] AS
with orders as (
    select id, ''it''''s'' as note from [raw].[orders]
)
select * from orders');

-- create table as (no database).analytics.orders
EXEC(N'CREATE OR ALTER VIEW [analytics].[orders__forge_tmp__forge_vw] AS
with orders as (
    select id, ''it''''s'' as note from [raw].[orders]
)
select * from orders');
BEGIN TRY
    SELECT forge_source.* INTO [analytics].[orders__forge_tmp] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [analytics].[orders__forge_tmp__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [analytics].[orders__forge_tmp] WITH (TABLOCK) SELECT * FROM [analytics].[orders__forge_tmp__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC(N'DROP VIEW IF EXISTS [analytics].[orders__forge_tmp__forge_vw]');
    THROW;
END CATCH;
EXEC(N'DROP VIEW IF EXISTS [analytics].[orders__forge_tmp__forge_vw]');

-- drop table (no database).analytics.orders
DROP TABLE IF EXISTS [analytics].[orders];

-- drop view (no database).analytics.orders
EXEC(N'DROP VIEW IF EXISTS [analytics].[orders]');

-- rename table (no database).analytics.orders
EXEC sp_rename @objname = N'[analytics].[orders]', @newname = N'orders__forge_backup', @objtype = N'OBJECT';

-- refresh dependent views (no database).analytics.orders
EXEC(N'DECLARE @forge_view nvarchar(776);
DECLARE forge_views CURSOR LOCAL FAST_FORWARD FOR
    SELECT DISTINCT QUOTENAME(OBJECT_SCHEMA_NAME(d.referencing_id)) + N''.'' + QUOTENAME(OBJECT_NAME(d.referencing_id))
    FROM sys.sql_expression_dependencies AS d
    INNER JOIN sys.views AS v ON v.object_id = d.referencing_id
    WHERE d.referenced_entity_name = N''orders''
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
DEALLOCATE forge_views;');

-- table option (no database).analytics.orders
CREATE CLUSTERED COLUMNSTORE INDEX [cci] ON [analytics].[orders];

-- table option (no database).analytics.orders
CREATE UNIQUE NONCLUSTERED INDEX [ux_id] ON [analytics].[orders] ([id]);

-- table option (no database).analytics.orders
CREATE NONCLUSTERED INDEX [ix_customer_id_ordered_at] ON [analytics].[orders] ([customer_id], [ordered_at]) INCLUDE ([amount]);

-- persist_docs table (no database).analytics.orders
IF EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 1 AND major_id = OBJECT_ID(N'[analytics].[orders]') AND minor_id = 0 AND name = N'MS_Description')
    EXEC sp_updateextendedproperty @name = N'MS_Description', @value = N'Orders of ''the'' shop — zamówienia, 注文', @level0type = N'SCHEMA', @level0name = N'analytics', @level1type = N'TABLE', @level1name = N'orders';
ELSE
    EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Orders of ''the'' shop — zamówienia, 注文', @level0type = N'SCHEMA', @level0name = N'analytics', @level1type = N'TABLE', @level1name = N'orders';

-- persist_docs view (no database).analytics.orders
IF EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 1 AND major_id = OBJECT_ID(N'[analytics].[orders]') AND minor_id = 0 AND name = N'MS_Description')
    EXEC sp_updateextendedproperty @name = N'MS_Description', @value = N'A view', @level0type = N'SCHEMA', @level0name = N'analytics', @level1type = N'VIEW', @level1name = N'orders';
ELSE
    EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'A view', @level0type = N'SCHEMA', @level0name = N'analytics', @level1type = N'VIEW', @level1name = N'orders';

-- persist_docs column (no database).analytics.orders
IF EXISTS (SELECT 1 FROM sys.extended_properties WHERE class = 1 AND major_id = OBJECT_ID(N'[analytics].[orders]') AND minor_id = COLUMNPROPERTY(OBJECT_ID(N'[analytics].[orders]'), N'o''col]x', 'ColumnId') AND name = N'MS_Description')
    EXEC sp_updateextendedproperty @name = N'MS_Description', @value = N'It''s the id', @level0type = N'SCHEMA', @level0name = N'analytics', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'o''col]x';
ELSE
    EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'It''s the id', @level0type = N'SCHEMA', @level0name = N'analytics', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'o''col]x';

-- create schema ware]house.o'brien.odd]name
EXEC [ware]]house].[sys].[sp_executesql] N'SET XACT_ABORT ON;
BEGIN TRANSACTION;
DECLARE @forge_lock int;
EXEC @forge_lock = sp_getapplock @Resource = N''forge:schema:o''''brien'', @LockMode = N''Exclusive'', @LockOwner = N''Transaction'', @LockTimeout = 60000;
IF @forge_lock < 0 THROW 50000, N''could not lock the creation of schema o''''brien'', 1;
IF SCHEMA_ID(N''o''''brien'') IS NULL EXEC(N''CREATE SCHEMA [o''''brien]'');
COMMIT TRANSACTION;';

-- list relations ware]house.o'brien.odd]name
SELECT TABLE_NAME, CASE WHEN TABLE_TYPE = 'VIEW' THEN 'view' ELSE 'table' END FROM [ware]]house].INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = N'o''brien';

-- create view ware]house.o'brien.odd]name
EXEC [ware]]house].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [o''brien].[odd]]name] AS
with orders as (
    select id, ''it''''s'' as note from [raw].[orders]
)
select * from orders';

-- create table as ware]house.o'brien.odd]name
EXEC [ware]]house].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [o''brien].[odd]]name__forge_tmp__forge_vw] AS
with orders as (
    select id, ''it''''s'' as note from [raw].[orders]
)
select * from orders';
BEGIN TRY
    SELECT forge_source.* INTO [ware]]house].[o'brien].[odd]]name__forge_tmp] FROM (SELECT 1 AS forge_one) AS forge_anchor LEFT JOIN [ware]]house].[o'brien].[odd]]name__forge_tmp__forge_vw] AS forge_source ON 1 = 1 WHERE 1 = 0;
    INSERT INTO [ware]]house].[o'brien].[odd]]name__forge_tmp] WITH (TABLOCK) SELECT * FROM [ware]]house].[o'brien].[odd]]name__forge_tmp__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [ware]]house].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [o''brien].[odd]]name__forge_tmp__forge_vw]';
    THROW;
END CATCH;
EXEC [ware]]house].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [o''brien].[odd]]name__forge_tmp__forge_vw]';

-- drop table ware]house.o'brien.odd]name
DROP TABLE IF EXISTS [ware]]house].[o'brien].[odd]]name];

-- drop view ware]house.o'brien.odd]name
EXEC [ware]]house].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [o''brien].[odd]]name]';

-- rename table ware]house.o'brien.odd]name
EXEC [ware]]house].[sys].[sp_rename] @objname = N'[o''brien].[odd]]name]', @newname = N'odd]name__forge_backup', @objtype = N'OBJECT';

-- refresh dependent views ware]house.o'brien.odd]name
EXEC [ware]]house].[sys].[sp_executesql] N'DECLARE @forge_view nvarchar(776);
DECLARE forge_views CURSOR LOCAL FAST_FORWARD FOR
    SELECT DISTINCT QUOTENAME(OBJECT_SCHEMA_NAME(d.referencing_id)) + N''.'' + QUOTENAME(OBJECT_NAME(d.referencing_id))
    FROM sys.sql_expression_dependencies AS d
    INNER JOIN sys.views AS v ON v.object_id = d.referencing_id
    WHERE d.referenced_entity_name = N''odd]name''
      AND (d.referenced_schema_name = N''o''''brien'' OR d.referenced_schema_name IS NULL)
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

-- table option ware]house.o'brien.odd]name
CREATE CLUSTERED COLUMNSTORE INDEX [cci] ON [ware]]house].[o'brien].[odd]]name];

-- table option ware]house.o'brien.odd]name
CREATE UNIQUE NONCLUSTERED INDEX [ux_id] ON [ware]]house].[o'brien].[odd]]name] ([id]);

-- table option ware]house.o'brien.odd]name
CREATE NONCLUSTERED INDEX [ix_customer_id_ordered_at] ON [ware]]house].[o'brien].[odd]]name] ([customer_id], [ordered_at]) INCLUDE ([amount]);

-- persist_docs table ware]house.o'brien.odd]name
IF EXISTS (SELECT 1 FROM [ware]]house].sys.extended_properties WHERE class = 1 AND major_id = OBJECT_ID(N'[ware]]house].[o''brien].[odd]]name]') AND minor_id = 0 AND name = N'MS_Description')
    EXEC [ware]]house].[sys].[sp_updateextendedproperty] @name = N'MS_Description', @value = N'Orders of ''the'' shop — zamówienia, 注文', @level0type = N'SCHEMA', @level0name = N'o''brien', @level1type = N'TABLE', @level1name = N'odd]name';
ELSE
    EXEC [ware]]house].[sys].[sp_addextendedproperty] @name = N'MS_Description', @value = N'Orders of ''the'' shop — zamówienia, 注文', @level0type = N'SCHEMA', @level0name = N'o''brien', @level1type = N'TABLE', @level1name = N'odd]name';

-- persist_docs view ware]house.o'brien.odd]name
IF EXISTS (SELECT 1 FROM [ware]]house].sys.extended_properties WHERE class = 1 AND major_id = OBJECT_ID(N'[ware]]house].[o''brien].[odd]]name]') AND minor_id = 0 AND name = N'MS_Description')
    EXEC [ware]]house].[sys].[sp_updateextendedproperty] @name = N'MS_Description', @value = N'A view', @level0type = N'SCHEMA', @level0name = N'o''brien', @level1type = N'VIEW', @level1name = N'odd]name';
ELSE
    EXEC [ware]]house].[sys].[sp_addextendedproperty] @name = N'MS_Description', @value = N'A view', @level0type = N'SCHEMA', @level0name = N'o''brien', @level1type = N'VIEW', @level1name = N'odd]name';

-- persist_docs column ware]house.o'brien.odd]name
IF EXISTS (SELECT 1 FROM [ware]]house].sys.extended_properties WHERE class = 1 AND major_id = OBJECT_ID(N'[ware]]house].[o''brien].[odd]]name]') AND minor_id = COLUMNPROPERTY(OBJECT_ID(N'[ware]]house].[o''brien].[odd]]name]'), N'o''col]x', 'ColumnId') AND name = N'MS_Description')
    EXEC [ware]]house].[sys].[sp_updateextendedproperty] @name = N'MS_Description', @value = N'It''s the id', @level0type = N'SCHEMA', @level0name = N'o''brien', @level1type = N'TABLE', @level1name = N'odd]name', @level2type = N'COLUMN', @level2name = N'o''col]x';
ELSE
    EXEC [ware]]house].[sys].[sp_addextendedproperty] @name = N'MS_Description', @value = N'It''s the id', @level0type = N'SCHEMA', @level0name = N'o''brien', @level1type = N'TABLE', @level1name = N'odd]name', @level2type = N'COLUMN', @level2name = N'o''col]x';

-- begin
BEGIN TRANSACTION;

-- prologue
SET XACT_ABORT ON;

-- commit
COMMIT TRANSACTION;

-- rollback
ROLLBACK TRANSACTION;

