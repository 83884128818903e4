-- list columns
SELECT COLUMN_NAME, CASE
    WHEN CHARACTER_MAXIMUM_LENGTH = -1 AND DATA_TYPE IN ('varchar', 'nvarchar', 'varbinary') THEN DATA_TYPE + '(max)'
    WHEN CHARACTER_MAXIMUM_LENGTH IS NOT NULL AND DATA_TYPE NOT IN ('text', 'ntext', 'xml') THEN DATA_TYPE + '(' + CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('decimal', 'numeric') THEN DATA_TYPE + '(' + CAST(NUMERIC_PRECISION AS varchar(10)) + ',' + CAST(NUMERIC_SCALE AS varchar(10)) + ')'
    WHEN DATA_TYPE IN ('datetime2', 'time', 'datetimeoffset') THEN DATA_TYPE + '(' + CAST(DATETIME_PRECISION AS varchar(10)) + ')'
    ELSE DATA_TYPE END
FROM [warehouse].INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = N'analytics' AND TABLE_NAME = N'orders'
ORDER BY ORDINAL_POSITION;

-- insert
INSERT INTO [warehouse].[analytics].[orders] ([id], [customer_id], [amount], [odd]]name])
SELECT [id], [customer_id], [amount], [odd]]name]
FROM [warehouse].[analytics].[orders__forge_incr];

-- delete matching
DELETE forge_target
FROM [warehouse].[analytics].[orders] AS forge_target
WHERE EXISTS (
    SELECT 1 FROM [warehouse].[analytics].[orders__forge_incr] AS forge_source
    WHERE forge_source.[id] = forge_target.[id] AND forge_source.[customer_id] = forge_target.[customer_id]
);

-- merge
MERGE INTO [warehouse].[analytics].[orders] WITH (HOLDLOCK) AS forge_target
USING [warehouse].[analytics].[orders__forge_incr] AS forge_source
ON (forge_source.[id] = forge_target.[id])
WHEN MATCHED THEN UPDATE SET [customer_id] = forge_source.[customer_id], [amount] = forge_source.[amount]
WHEN NOT MATCHED THEN INSERT ([id], [customer_id], [amount], [odd]]name])
    VALUES (forge_source.[id], forge_source.[customer_id], forge_source.[amount], forge_source.[odd]]name]);

-- merge insert only
MERGE INTO [warehouse].[analytics].[orders] WITH (HOLDLOCK) AS forge_target
USING [warehouse].[analytics].[orders__forge_incr] AS forge_source
ON (forge_source.[id] = forge_target.[id])
WHEN NOT MATCHED THEN INSERT ([id], [customer_id], [amount], [odd]]name])
    VALUES (forge_source.[id], forge_source.[customer_id], forge_source.[amount], forge_source.[odd]]name]);

-- duplicate keys
SELECT TOP (1) [id], [customer_id], COUNT(*) FROM [warehouse].[analytics].[orders__forge_incr] WHERE [id] IS NOT NULL AND [customer_id] IS NOT NULL GROUP BY [id], [customer_id] HAVING COUNT(*) > 1;

-- add column
ALTER TABLE [warehouse].[analytics].[orders] ADD [note] nvarchar(4000);

-- drop column
ALTER TABLE [warehouse].[analytics].[orders] DROP COLUMN [note];

-- alter column
ALTER TABLE [warehouse].[analytics].[orders] ALTER COLUMN [amount] decimal(18,2);

-- snapshot hash
select lower(convert(char(32), hashbytes('MD5', concat(coalesce(cast(id as nvarchar(max)), ''), '|', coalesce(cast(cast('2024-03-15T08:20:30.000000' as datetime2(6)) as nvarchar(max)), ''))), 2)) as h;

-- snapshot hash of one
select lower(convert(char(32), hashbytes('MD5', concat(coalesce(cast(id as nvarchar(max)), ''), '')), 2)) as h;

-- close snapshot rows
UPDATE forge_target
SET [dbt_valid_to] = forge_source.[dbt_valid_to]
FROM [warehouse].[analytics].[orders] AS forge_target
INNER JOIN [warehouse].[analytics].[orders__forge_incr] AS forge_source ON forge_source.[dbt_scd_id] = forge_target.[dbt_scd_id]
WHERE forge_source.[dbt_change_type] IN ('update', 'delete')
  AND forge_target.[dbt_valid_to] IS NULL;

-- insert snapshot rows
INSERT INTO [warehouse].[analytics].[orders] ([id], [customer_id], [amount], [odd]]name])
SELECT [id], [customer_id], [amount], [odd]]name]
FROM [warehouse].[analytics].[orders__forge_incr]
WHERE [dbt_change_type] = 'insert';

