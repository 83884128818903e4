-- columns
select column_name, data_type from information_schema.columns where table_schema = 'marts' and table_name = 'payments' order by ordinal_position;

-- stage the batch
create or replace temporary table "payments__forge_incr" as (
select 1 as payment_id
);

-- staged columns
select column_name, data_type from information_schema.columns where table_schema = 'main' and table_name = 'payments__forge_incr' and table_catalog = 'temp' order by ordinal_position;

-- drop the batch
drop table if exists temp.main."payments__forge_incr";

-- append
insert into "marts"."payments" ("payment_id", "status", "amount")
select "payment_id", "status", "amount"
from temp.main."payments__forge_incr";

-- delete+insert: delete
delete from "marts"."payments" as forge_target
where exists (
    select 1 from temp.main."payments__forge_incr" as forge_source
    where forge_source.day = forge_target.day and forge_source.station_id = forge_target.station_id
);

-- merge
merge into "marts"."payments" as forge_target
using temp.main."payments__forge_incr" as forge_source
on (forge_source.payment_id = forge_target.payment_id)
when matched then update set "status" = forge_source."status", "amount" = forge_source."amount"
when not matched then insert ("payment_id", "status", "amount")
    values (forge_source."payment_id", forge_source."status", forge_source."amount");

-- merge, insert only
merge into "marts"."payments" as forge_target
using temp.main."payments__forge_incr" as forge_source
on (forge_source.payment_id = forge_target.payment_id)
when not matched then insert ("payment_id", "status", "amount")
    values (forge_source."payment_id", forge_source."status", forge_source."amount");

-- duplicate keys
select day, station_id, count(*) from temp.main."payments__forge_incr" group by day, station_id having count(*) > 1 limit 1;

-- add column
alter table "marts"."payments" add column "refunded_at" TIMESTAMP;

-- drop column
alter table "marts"."payments" drop column "legacy";

-- retype column
alter table "marts"."payments" alter column "amount" set data type DECIMAL(18,2);

-- snapshot, first run (timestamp)
select snapshot_query.*,
    md5(coalesce(cast(id as varchar), '') || '|' || coalesce(cast(updated_at as varchar), '')) as "dbt_scd_id",
    updated_at as "dbt_updated_at",
    updated_at as "dbt_valid_from",
    nullif(updated_at, updated_at) as "dbt_valid_to"
from (
select * from raw.members
) as snapshot_query;

-- snapshot, first run (check)
select snapshot_query.*,
    md5(coalesce(cast(id as varchar), '') || '|' || coalesce(cast(cast('2024-05-01 10:30:00.000000' as timestamp) as varchar), '')) as "dbt_scd_id",
    cast('2024-05-01 10:30:00.000000' as timestamp) as "dbt_updated_at",
    cast('2024-05-01 10:30:00.000000' as timestamp) as "dbt_valid_from",
    nullif(cast('2024-05-01 10:30:00.000000' as timestamp), cast('2024-05-01 10:30:00.000000' as timestamp)) as "dbt_valid_to"
from (
select * from raw.members
) as snapshot_query;

-- snapshot changes (timestamp, invalidate hard deletes)
with source_data as (
    select snapshot_query.*, id as forge_unique_key_1,
        updated_at as forge_updated_at,
        md5(coalesce(cast(id as varchar), '') || '|' || coalesce(cast(updated_at as varchar), '')) as forge_scd_id
    from temp.main."members_snapshot__forge_snapshot_source" as snapshot_query
),
current_rows as (
    select *, id as forge_unique_key_1
    from "snapshots"."members_snapshot"
    where "dbt_valid_to" is null
)
select 'insert' as "dbt_change_type", s."id", s."plan", s."email", s."updated_at",
    s.forge_scd_id as "dbt_scd_id", s.forge_updated_at as "dbt_updated_at", s.forge_updated_at as "dbt_valid_from", nullif(s.forge_updated_at, s.forge_updated_at) as "dbt_valid_to"
from source_data as s
left join current_rows as c on c.forge_unique_key_1 = s.forge_unique_key_1
where c.forge_unique_key_1 is null
   or c."dbt_valid_from" < s.forge_updated_at
union all
select 'update', s."id", s."plan", s."email", s."updated_at",
    c."dbt_scd_id" as "dbt_scd_id", s.forge_updated_at as "dbt_updated_at", s.forge_updated_at as "dbt_valid_from", s.forge_updated_at as "dbt_valid_to"
from source_data as s
join current_rows as c on c.forge_unique_key_1 = s.forge_unique_key_1
where c."dbt_valid_from" < s.forge_updated_at
union all
select 'delete', c."id", c."plan", null as "email", c."updated_at",
    c."dbt_scd_id" as "dbt_scd_id", cast('2024-05-01 10:30:00.000000' as timestamp) as "dbt_updated_at", cast('2024-05-01 10:30:00.000000' as timestamp) as "dbt_valid_from", cast('2024-05-01 10:30:00.000000' as timestamp) as "dbt_valid_to"
from current_rows as c
left join source_data as s on c.forge_unique_key_1 = s.forge_unique_key_1
where s.forge_unique_key_1 is null;

-- snapshot changes (check)
with source_data as (
    select snapshot_query.*, id as forge_unique_key_1,
        cast('2024-05-01 10:30:00.000000' as timestamp) as forge_updated_at,
        md5(coalesce(cast(id as varchar), '') || '|' || coalesce(cast(cast('2024-05-01 10:30:00.000000' as timestamp) as varchar), '')) as forge_scd_id
    from temp.main."members_snapshot__forge_snapshot_source" as snapshot_query
),
current_rows as (
    select *, id as forge_unique_key_1
    from "snapshots"."members_snapshot"
    where "dbt_valid_to" is null
)
select 'insert' as "dbt_change_type", s."id", s."plan", s."email", s."updated_at",
    s.forge_scd_id as "dbt_scd_id", s.forge_updated_at as "dbt_updated_at", s.forge_updated_at as "dbt_valid_from", nullif(s.forge_updated_at, s.forge_updated_at) as "dbt_valid_to"
from source_data as s
left join current_rows as c on c.forge_unique_key_1 = s.forge_unique_key_1
where c.forge_unique_key_1 is null
   or (c."plan" <> s."plan" or (c."plan" is null and s."plan" is not null) or (c."plan" is not null and s."plan" is null))
       or (c."email" <> s."email" or (c."email" is null and s."email" is not null) or (c."email" is not null and s."email" is null))
union all
select 'update', s."id", s."plan", s."email", s."updated_at",
    c."dbt_scd_id" as "dbt_scd_id", s.forge_updated_at as "dbt_updated_at", s.forge_updated_at as "dbt_valid_from", s.forge_updated_at as "dbt_valid_to"
from source_data as s
join current_rows as c on c.forge_unique_key_1 = s.forge_unique_key_1
where (c."plan" <> s."plan" or (c."plan" is null and s."plan" is not null) or (c."plan" is not null and s."plan" is null))
       or (c."email" <> s."email" or (c."email" is null and s."email" is not null) or (c."email" is not null and s."email" is null));

-- snapshot changes (check all, a new source column)
with source_data as (
    select snapshot_query.*, id as forge_unique_key_1,
        cast('2024-05-01 10:30:00.000000' as timestamp) as forge_updated_at,
        md5(coalesce(cast(id as varchar), '') || '|' || coalesce(cast(cast('2024-05-01 10:30:00.000000' as timestamp) as varchar), '')) as forge_scd_id
    from temp.main."members_snapshot__forge_snapshot_source" as snapshot_query
),
current_rows as (
    select *, id as forge_unique_key_1
    from "snapshots"."members_snapshot"
    where "dbt_valid_to" is null
)
select 'insert' as "dbt_change_type", s."id", s."plan", s."email",
    s.forge_scd_id as "dbt_scd_id", s.forge_updated_at as "dbt_updated_at", s.forge_updated_at as "dbt_valid_from", nullif(s.forge_updated_at, s.forge_updated_at) as "dbt_valid_to"
from source_data as s
left join current_rows as c on c.forge_unique_key_1 = s.forge_unique_key_1
where c.forge_unique_key_1 is null
   or 1 = 1
union all
select 'update', s."id", s."plan", s."email",
    c."dbt_scd_id" as "dbt_scd_id", s.forge_updated_at as "dbt_updated_at", s.forge_updated_at as "dbt_valid_from", s.forge_updated_at as "dbt_valid_to"
from source_data as s
join current_rows as c on c.forge_unique_key_1 = s.forge_unique_key_1
where 1 = 1;

-- snapshot: close rows
update "snapshots"."members_snapshot" as forge_target
set "dbt_valid_to" = forge_source."dbt_valid_to"
from temp.main."members_snapshot__forge_snapshot_changes" as forge_source
where forge_source."dbt_scd_id" = forge_target."dbt_scd_id"
  and forge_source."dbt_change_type" in ('update', 'delete')
  and forge_target."dbt_valid_to" is null;

-- snapshot: insert rows
insert into "snapshots"."members_snapshot" ("id", "plan", "dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to")
select "id", "plan", "dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to"
from temp.main."members_snapshot__forge_snapshot_changes"
where "dbt_change_type" = 'insert';

