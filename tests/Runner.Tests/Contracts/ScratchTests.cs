using ModelForge.Runner.Connections.DuckDb;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Contracts;

public sealed class ScratchTests
{
    [Test]
    public void Scratch()
    {
        using var c = new DuckDbConnection("Data Source=:memory:");
        c.Open();
        string[] stmts =
        [
            "describe select 1 as a, 1::bigint b, 'x' c, 1.5 d, 1.5::double e, now() f, current_date g, true h, 1::decimal(10,2) i, localtimestamp j, [1,2] k, {'a':1} l, 1::hugeint m, 1::smallint n, 1::tinyint o, 1::real p, 'x'::varchar(20) q, '2024-01-01'::timestamp r, uuid() s, 1::ubigint t",
            "create schema s1",
            "create table s1.p (id integer primary key)",
            "insert into s1.p values (1)",
            "create table s1.t (id integer not null, u integer unique, amount integer check (amount > 0), pid integer references s1.p(id), constraint ck2 check (u < 100))",
            "insert into s1.t values (null, 1, 1, 1)",
            "insert into s1.t values (1, 1, 1, 1)",
            "insert into s1.t values (2, 1, 1, 1)",
            "insert into s1.t values (3, 2, -1, 1)",
            "insert into s1.t values (4, 3, 1, 9)",
            "insert into s1.t values (5, 300, 1, 1)",
            "create table s1.t2 (id integer, primary key (id))",
            "insert into s1.t2 select 1 union all select 1",
            "alter table s1.t2 rename to t3",
            "alter table s1.p rename to p2",
            "drop table s1.p",
            "create table s2 (pid integer references s1.p(id))",
            "create table s1.fk2 (pid integer, foreign key (pid) references p(id))",
            "select typeof(max(x)) from (select '2024-01-01 10:00:00'::timestamp x)",
            "select typeof(now()), now()::varchar, current_setting('TimeZone')",
            "select max(x) from (select '2024-01-01 10:00:00+02'::timestamptz x)",
        ];
        foreach (var s in stmts)
        {
            try
            {
                using var cmd = c.CreateCommand();
                cmd.CommandText = s;
                using var r = cmd.ExecuteReader();
                TestContext.Out.WriteLine($"OK {s}");
                while (r.Read())
                {
                    var vals = new object?[r.FieldCount];
                    for (var i = 0; i < vals.Length; i++) vals[i] = r.IsDBNull(i) ? null : r.GetValue(i) + ":" + r.GetValue(i)?.GetType().Name;
                    TestContext.Out.WriteLine("   " + string.Join(" | ", vals));
                }
            }
            catch (DuckDbException e)
            {
                TestContext.Out.WriteLine($"ERR {s}\n   {e.Message}");
            }
        }
    }
}
