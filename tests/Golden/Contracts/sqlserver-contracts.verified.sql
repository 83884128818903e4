-- describe warehouse.analytics.orders
EXEC sp_describe_first_result_set @tsql = N'with orders as (
    select id, N''it''''s'' as note, amount from [raw].[orders]
)
select * from orders';

-- create table with contract warehouse.analytics.orders
create table [warehouse].[analytics].[orders__forge_tmp] (
    [order_id] int not null primary key,
    [note] nvarchar(100) unique,
    [shipped_at] datetime2,
    [is_paid] bit,
    [amount] decimal(10,2) check (amount > 0),
    [customer_id] int,
    unique ([customer_id], [note]),
    check (amount < 1000 or customer_id is null)
);

-- fill from query warehouse.analytics.orders
EXEC [warehouse].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [analytics].[orders__forge_tmp__forge_vw] AS
with orders as (
    select id, N''it''''s'' as note, amount from [raw].[orders]
)
select * from orders';
BEGIN TRY
    INSERT INTO [warehouse].[analytics].[orders__forge_tmp] ([order_id], [note], [shipped_at], [is_paid], [amount], [customer_id])
    SELECT [order_id], [note], [shipped_at], [is_paid], [amount], [customer_id] FROM [warehouse].[analytics].[orders__forge_tmp__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[orders__forge_tmp__forge_vw]';
    THROW;
END CATCH;
EXEC [warehouse].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [analytics].[orders__forge_tmp__forge_vw]';

-- freshness warehouse.analytics.orders
select max(loaded_at) as max_loaded_at, SYSUTCDATETIME() as snapshotted_at
from [warehouse].[analytics].[orders];

-- freshness with filter warehouse.analytics.orders
select max(dateadd(hour, -1, [loaded_at])) as max_loaded_at, SYSUTCDATETIME() as snapshotted_at
from [warehouse].[analytics].[orders]
where status = N'done';

-- describe (no database).analytics.orders
EXEC sp_describe_first_result_set @tsql = N'with orders as (
    select id, N''it''''s'' as note, amount from [raw].[orders]
)
select * from orders';

-- create table with contract (no database).analytics.orders
create table [analytics].[orders__forge_tmp] (
    [order_id] int not null primary key,
    [note] nvarchar(100) unique,
    [shipped_at] datetime2,
    [is_paid] bit,
    [amount] decimal(10,2) check (amount > 0),
    [customer_id] int,
    unique ([customer_id], [note]),
    check (amount < 1000 or customer_id is null)
);

-- fill from query (no database).analytics.orders
EXEC(N'CREATE OR ALTER VIEW [analytics].[orders__forge_tmp__forge_vw] AS
with orders as (
    select id, N''it''''s'' as note, amount from [raw].[orders]
)
select * from orders');
BEGIN TRY
    INSERT INTO [analytics].[orders__forge_tmp] ([order_id], [note], [shipped_at], [is_paid], [amount], [customer_id])
    SELECT [order_id], [note], [shipped_at], [is_paid], [amount], [customer_id] FROM [analytics].[orders__forge_tmp__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC(N'DROP VIEW IF EXISTS [analytics].[orders__forge_tmp__forge_vw]');
    THROW;
END CATCH;
EXEC(N'DROP VIEW IF EXISTS [analytics].[orders__forge_tmp__forge_vw]');

-- freshness (no database).analytics.orders
select max(loaded_at) as max_loaded_at, SYSUTCDATETIME() as snapshotted_at
from [analytics].[orders];

-- freshness with filter (no database).analytics.orders
select max(dateadd(hour, -1, [loaded_at])) as max_loaded_at, SYSUTCDATETIME() as snapshotted_at
from [analytics].[orders]
where status = N'done';

-- describe ware]house.o'brien.odd]name
EXEC sp_describe_first_result_set @tsql = N'with orders as (
    select id, N''it''''s'' as note, amount from [raw].[orders]
)
select * from orders';

-- create table with contract ware]house.o'brien.odd]name
create table [ware]]house].[o'brien].[odd]]name__forge_tmp] (
    [order_id] int not null primary key,
    [note] nvarchar(100) unique,
    [shipped_at] datetime2,
    [is_paid] bit,
    [amount] decimal(10,2) check (amount > 0),
    [customer_id] int,
    unique ([customer_id], [note]),
    check (amount < 1000 or customer_id is null)
);

-- fill from query ware]house.o'brien.odd]name
EXEC [ware]]house].[sys].[sp_executesql] N'CREATE OR ALTER VIEW [o''brien].[odd]]name__forge_tmp__forge_vw] AS
with orders as (
    select id, N''it''''s'' as note, amount from [raw].[orders]
)
select * from orders';
BEGIN TRY
    INSERT INTO [ware]]house].[o'brien].[odd]]name__forge_tmp] ([order_id], [note], [shipped_at], [is_paid], [amount], [customer_id])
    SELECT [order_id], [note], [shipped_at], [is_paid], [amount], [customer_id] FROM [ware]]house].[o'brien].[odd]]name__forge_tmp__forge_vw];
END TRY
BEGIN CATCH
    IF XACT_STATE() <> -1 EXEC [ware]]house].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [o''brien].[odd]]name__forge_tmp__forge_vw]';
    THROW;
END CATCH;
EXEC [ware]]house].[sys].[sp_executesql] N'DROP VIEW IF EXISTS [o''brien].[odd]]name__forge_tmp__forge_vw]';

-- freshness ware]house.o'brien.odd]name
select max(loaded_at) as max_loaded_at, SYSUTCDATETIME() as snapshotted_at
from [ware]]house].[o'brien].[odd]]name];

-- freshness with filter ware]house.o'brien.odd]name
select max(dateadd(hour, -1, [loaded_at])) as max_loaded_at, SYSUTCDATETIME() as snapshotted_at
from [ware]]house].[o'brien].[odd]]name]
where status = N'done';

