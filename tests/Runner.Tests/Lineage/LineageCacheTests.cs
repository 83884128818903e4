using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Analysis;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Lineage;

/// <summary>
/// The lineage cache in target/: a model is reused only while its SQL and the shapes of what it
/// reads are unchanged, and cached lineage always equals a pass without the cache.
/// </summary>
public sealed class LineageCacheTests
{
    private TempProject _project = null!;

    private string CacheFile => Path.Combine(_project.Root, "target", LineageCache.FileName);

    [SetUp]
    public void SetUp()
    {
        _project = new TempProject("shop").WithProjectFile()
            .With("seeds/raw_orders.csv", "id,customer,amount_cents\n1,7,1000\n")
            .With("models/stg_orders.sql", "select * from {{ ref('raw_orders') }}")
            .With("models/orders.sql", "select id as order_id, amount_cents / 100.0 as amount from {{ ref('stg_orders') }}")
            .With("models/big_orders.sql", "select * from {{ ref('orders') }} where amount > 10")
            .With("models/broken.sql", "select from from");
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void A_second_pass_parses_nothing_and_gives_the_same_lineage()
    {
        var first = Pass();
        var second = Pass();

        Assert.That(first.Parsed, Is.EqualTo(4));
        Assert.That(second.Parsed, Is.Zero);
        Assert.That(second.Reused, Is.EqualTo(4));
        Assert.That(Dump(second.Result), Is.EqualTo(Dump(first.Result)));
        Assert.That(second.Result.Diagnostics.Select(d => d.Code), Is.EqualTo(first.Result.Diagnostics.Select(d => d.Code)).And.Not.Empty);
    }

    [Test]
    public void A_pass_over_the_last_passs_inputs_takes_every_entry_as_it_stands()
    {
        var first = Pass();
        var second = Pass();

        Assert.That(first.Whole, Is.False);
        Assert.That(second.Whole, Is.True);
        Assert.That(second.Reused, Is.EqualTo(4));
        Assert.That(Dump(second.Result), Is.EqualTo(Dump(first.Result)));
        Assert.That(second.Result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(first.Result.Diagnostics.Select(d => d.ToString())));
    }

    [Test]
    public void Columns_declared_where_no_lineage_reads_them_check_each_entry_once_then_the_pass_is_taken_whole_again()
    {
        Pass();
        // orders' own SQL gives its columns, so what YAML declares for it reaches no lookup; the pass's key still changes.
        _project.With("models/schema.yml", "models:\n  - name: orders\n    columns:\n      - name: order_id\n");

        var checkedAgain = Pass();
        var next = Pass();

        Assert.That(checkedAgain.Whole, Is.False);
        Assert.That((checkedAgain.Reused, checkedAgain.Parsed), Is.EqualTo((4, 0)), "every entry still holds");
        Assert.That(next.Whole, Is.True, "the file was rewritten with the new key");
        Assert.That(Dump(next.Result), Is.EqualTo(Dump(Pass(cached: false).Result)));
    }

    [Test]
    public void A_pass_that_reuses_every_entry_leaves_the_file_as_it_was_and_one_that_does_not_rewrites_it()
    {
        Pass();
        var longAgo = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(CacheFile, longAgo);

        Assert.That(Pass().Reused, Is.EqualTo(4));
        Assert.That(File.GetLastWriteTimeUtc(CacheFile), Is.EqualTo(longAgo), "nothing new, so nothing written");

        _project.With("models/orders.sql", "select id as order_id from {{ ref('stg_orders') }}");
        Pass();
        Assert.That(File.GetLastWriteTimeUtc(CacheFile), Is.Not.EqualTo(longAgo));
        Assert.That(Pass().Parsed, Is.Zero, "the rewritten file holds the new entry");
    }

    [Test]
    public void A_changed_seed_header_reaches_the_models_that_select_star_over_it()
    {
        Pass();
        _project.With("seeds/raw_orders.csv", "id,customer,amount_cents,currency\n1,7,1000,EUR\n");

        var cached = Pass();

        Assert.That(cached.Whole, Is.False, "stg_orders' SQL is unchanged, the columns it reads are not");
        Assert.That(cached.Result.Models["model.shop.stg_orders"].Names(), Does.Contain("currency"));
        Assert.That(Dump(cached.Result), Is.EqualTo(Dump(Pass(cached: false).Result)));
        // stg_orders and orders read what changed; big_orders is parsed in case, yet orders' columns did not change.
        Assert.That(cached.Reused, Is.EqualTo(2), "big_orders and broken");
    }

    [Test]
    public void An_edit_that_keeps_a_models_columns_reuses_what_reads_it()
    {
        Pass();
        _project.With("models/orders.sql", "select id as order_id, amount_cents / 100.0 as amount from {{ ref('stg_orders') }} where id > 0");

        var cached = Pass();

        Assert.That(cached.Reused, Is.EqualTo(3), "stg_orders, big_orders and broken");
        Assert.That(Dump(cached.Result), Is.EqualTo(Dump(Pass(cached: false).Result)));
    }

    [Test]
    public void An_edit_that_renames_a_column_is_seen_downstream()
    {
        Pass();
        _project.With("models/orders.sql", "select id as order_key, amount_cents / 100.0 as amount from {{ ref('stg_orders') }}");

        var cached = Pass();

        Assert.That(cached.Result.Models["model.shop.big_orders"].Names(), Is.EqualTo(new[] { "order_key", "amount" }));
        Assert.That(Dump(cached.Result), Is.EqualTo(Dump(Pass(cached: false).Result)));
    }

    [Test]
    public void A_damaged_cache_file_is_ignored_and_replaced()
    {
        var first = Pass();
        File.WriteAllBytes(CacheFile, File.ReadAllBytes(CacheFile)[..40]);

        var second = Pass();
        var third = Pass();

        Assert.That(second.Parsed, Is.EqualTo(4));
        Assert.That(Dump(second.Result), Is.EqualTo(Dump(first.Result)));
        Assert.That(third.Parsed, Is.Zero);
    }

    [Test]
    public void A_cache_written_for_another_dialect_is_not_reused()
    {
        Pass();

        var tsql = Pass(parser: new ModelForge.Compiler.Analysis.TSql.LineageTSqlParser());

        Assert.That(tsql.Parsed, Is.EqualTo(4));
        Assert.That(tsql.Reused, Is.Zero);
    }

    [Test]
    public void The_demo_projects_lineage_is_the_same_from_the_cache()
    {
        var project = DemoProject.Project;
        var sql = ProjectLineage.Render(project, []);
        var parser = new CountingParser(new DuckDbQueryParser());
        var file = Path.Combine(_project.Root, "demo-lineage.bin");
        var uncached = ColumnLineageBuilder.Build(project, sql, parser);
        var cold = LineageCache.Load(file, LineageCache.StampFor(parser));
        ColumnLineageBuilder.Build(project, sql, parser, null, cold);
        cold.Save(file);
        var warm = LineageCache.Load(file, LineageCache.StampFor(parser));
        var parsedBefore = parser.Parsed;

        var cached = ColumnLineageBuilder.Build(project, sql, parser, null, warm);

        Assert.That(parser.Parsed, Is.EqualTo(parsedBefore), "nothing parsed again");
        Assert.That(warm.Reused, Is.EqualTo(uncached.Models.Count).And.GreaterThan(10));
        Assert.That(Dump(cached), Is.EqualTo(Dump(uncached)));
        Assert.That(cached.Diagnostics.Select(d => d.ToString()), Is.EqualTo(uncached.Diagnostics.Select(d => d.ToString())));
    }

    private (LineageResult Result, int Parsed, int Reused, bool Whole) Pass(bool cached = true, IQueryParser? parser = null)
    {
        var project = DemoProject.Load(_project.Root);
        var sql = ProjectLineage.Render(project, []);
        var counting = new CountingParser(parser ?? new DuckDbQueryParser(1));
        var cache = cached ? LineageCache.Load(CacheFile, LineageCache.StampFor(counting)) : null;
        var result = ColumnLineageBuilder.Build(project, sql, counting, null, cache);
        cache?.Save(CacheFile);
        return (result, counting.Parsed, cache?.Reused ?? 0, cache?.TakenWhole ?? false);
    }

    private static string[] Dump(LineageResult result) =>
        result.Models.Values.OrderBy(m => m.NodeId, StringComparer.Ordinal)
            .Select(m => $"{m.NodeId} [{m.Unresolved}]: " + string.Join("; ", m.Columns.Select(c =>
                $"{c.Name} <- {string.Join(", ", c.Upstream.Select(o => $"{o.Node}.{o.Column} {o.Kind}"))} [{c.Unresolved}]")))
            .ToArray();

    // The real parser, counting the statements it is given.
    private sealed class CountingParser(IQueryParser inner) : IQueryParser
    {
        public int Parsed { get; private set; }

        public string Dialect => inner.Dialect;

        public IReadOnlyList<QueryParseResult> Parse(IReadOnlyList<string> sql)
        {
            Parsed += sql.Count;
            return inner.Parse(sql);
        }
    }
}
