using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.ExternalFiles;

/// <summary>
/// materialized='external' on DuckDB: the model is written to a file with COPY, a view reads it,
/// and refs downstream read the view. A failed COPY leaves the previous file and view as they were.
/// </summary>
public sealed class ExternalMaterializationTests
{
    private TempProject _project = null!;

    private string Exports => Path.Combine(_project.Root, "exports");

    [SetUp]
    public void SetUp()
    {
        _project = new TempProject("files").WithProjectFile()
            .With("profiles.yml", """
                files:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: target/files.duckdb
                      external_root: exports
                """)
            .With("models/orders.sql", """
                {{ config(materialized='external') }}
                select * from (values (1, 'north', 10), (2, 'south', 20), (3, 'north', 30)) v(id, region, amount)
                """)
            .With("models/orders_csv.sql", """
                {{ config(materialized='external', location='shared/orders.csv', delimiter=';') }}
                select * from {{ ref('orders') }}
                """)
            .With("models/orders_json.sql", """
                {{ config(materialized='external', format='json') }}
                select id, region from {{ ref('orders') }}
                """)
            .With("models/by_region.sql", """
                {{ config(materialized='external', options={'partition_by': 'region'}) }}
                select * from {{ ref('orders') }}
                """)
            .With("models/summary.sql", """
                {{ config(materialized='table') }}
                select
                  (select sum(amount) from {{ ref('orders_csv') }}) as csv_total,
                  (select count(*) from {{ ref('orders_json') }}) as json_rows,
                  (select sum(amount) from {{ ref('by_region') }} where region = 'north') as north
                """);
    }

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Each_format_is_written_where_configured_and_read_back_through_its_view()
    {
        // When the project runs
        var result = _project.Forge("run");

        // Then every file is where its config says, in its format
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Match(@"OK sql external model main\.orders \.+ \[COPY 3 in"));
        Assert.That(File.Exists(Path.Combine(Exports, "orders.parquet")));
        Assert.That(File.ReadAllText(Path.Combine(_project.Root, "shared", "orders.csv")), Does.StartWith("id;region;amount\n1;north;10\n"));
        Assert.That(File.Exists(Path.Combine(Exports, "orders_json.json")));
        Assert.That(Directory.GetFiles(Path.Combine(Exports, "by_region"), "*.parquet", SearchOption.AllDirectories)
            .Select(f => Path.GetFileName(Path.GetDirectoryName(f))), Is.EquivalentTo(new[] { "region=north", "region=south" }));
        Assert.That(Directory.GetFileSystemEntries(_project.Root, "*__forge_*", SearchOption.AllDirectories), Is.Empty, "no helper file left");
        Assert.That(Database.Scalar(":memory:", $"select sum(amount)::bigint from read_parquet('{Exports}/orders.parquet')"), Is.EqualTo(60L));

        // And refs downstream read the files through the models' views
        var row = Database.Query(_project.DatabasePath, "select csv_total::bigint, json_rows::bigint, north::bigint from main.summary").Single();
        Assert.That(row.Select(Convert.ToInt64), Is.EqualTo(new long[] { 60, 3, 40 }));
        Assert.That(Database.Scalar(_project.DatabasePath, "select table_type from information_schema.tables where table_name = 'orders'"), Is.EqualTo("VIEW"));
    }

    [Test]
    public void A_rerun_replaces_the_file_and_a_failed_copy_leaves_the_old_file_and_view()
    {
        // Given a first run
        Assert.That(_project.Forge("run", "-s", "orders", "by_region").ExitCode, Is.EqualTo(0));

        // When the model changes, the file is replaced (a partitioned folder too)
        _project.With("models/orders.sql", "{{ config(materialized='external') }}\nselect 7 as id, 'east' as region, 70 as amount\n");
        Assert.That(_project.Forge("run", "-s", "orders", "by_region").ExitCode, Is.EqualTo(0));
        Assert.That(Database.Scalar(_project.DatabasePath, "select sum(amount)::bigint from main.orders"), Is.EqualTo(70L));
        Assert.That(Directory.GetDirectories(Path.Combine(Exports, "by_region")).Select(Path.GetFileName), Is.EqualTo(new[] { "region=east" }));

        // And when the next version fails while writing, the file and the view keep the last good rows
        _project.With("models/orders.sql", "{{ config(materialized='external') }}\nselect 8 as id, 'west' as region, cast('not a number' as integer) as amount\n");
        var failed = _project.Forge("run", "-s", "orders");
        Assert.That(failed.ExitCode, Is.EqualTo(1), failed.ToString());
        Assert.That(failed.Output, Does.Contain("database error in model 'orders'"));
        Assert.That(Database.Scalar(_project.DatabasePath, "select sum(amount)::bigint from main.orders"), Is.EqualTo(70L));
        Assert.That(Database.Scalar(":memory:", $"select count(*)::bigint from read_parquet('{Exports}/orders.parquet')"), Is.EqualTo(1L));
        Assert.That(Directory.GetFileSystemEntries(Exports, "*__forge_*"), Is.Empty, "no helper file left");
    }

    [Test]
    public void A_file_that_cannot_be_replaced_fails_the_model_with_MF6004_and_keeps_the_old_file()
    {
        // Given a first build, whose file is then made immutable (root ignores permissions, not chattr +i)
        Assert.That(_project.Forge("run", "-s", "orders").ExitCode, Is.EqualTo(0));
        var file = Path.Combine(Exports, "orders.parquet");
        var before = File.ReadAllBytes(file);
        if (!Chattr("+i", file)) Assert.Ignore("chattr +i is not permitted here, so no rename can be made to fail");
        try
        {
            // When the model is rebuilt with other rows
            _project.With("models/orders.sql", "{{ config(materialized='external') }}\nselect 9 as id, 'east' as region, 90 as amount");
            var result = _project.Forge("run", "-s", "orders");

            // Then the node fails with MF6004 at the model, the old file is intact and no temporary is left
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Output + result.Error, Does.Contain("MF6004").And.Contain("could not replace its file"));
            Assert.That(File.ReadAllBytes(file), Is.EqualTo(before));
            Assert.That(File.Exists(file + "__forge_tmp"), Is.False);
        }
        finally
        {
            Chattr("-i", file);
        }
    }

    [Test]
    public void A_file_where_the_output_folder_should_be_fails_the_model_with_MF6004()
    {
        // Given a plain file named like the folder the model writes into
        _project.With("models/orders.sql", "{{ config(materialized='external', location='blocked/orders.parquet') }}\nselect 1 as id\n");
        File.WriteAllText(Path.Combine(_project.Root, "blocked"), "not a folder");

        var result = _project.Forge("run", "-s", "orders");

        // Then only that node fails, with the reason, not a crash
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.All, Does.Contain("MF6004").And.Not.Contain("Unhandled exception"));
    }

    private static bool Chattr(string flag, string path)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [Test]
    public void An_unknown_format_fails_the_model_with_its_own_code()
    {
        _project.With("models/orders.sql", "{{ config(materialized='external', format='xlsx') }}\nselect 1 as id\n");

        var result = _project.Forge("run", "-s", "orders");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.All, Does.Contain("error MF6003: model 'orders' has format='xlsx'"));
        Assert.That(Directory.Exists(Exports), Is.False);
    }
}
