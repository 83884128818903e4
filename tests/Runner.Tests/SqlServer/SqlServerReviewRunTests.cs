using ModelForge.Compiler.Tests.Golden;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.SqlServer;

/// <summary>
/// Fixes of the SQL Server review (issue 15) that show in what forge sends: three-part names,
/// dependent views refreshed after every column change, contract types, Unicode test literals.
/// </summary>
public sealed class SqlServerReviewRunTests
{
    private static TempProject Fixture() => new TempProject("review").WithProjectFile()
        .WithRecordingSqlServerProfile()
        .With("models/sources.yml", """
            version: 2
            sources:
              - name: erp
                database: erp_db
                schema: sales
                tables:
                  - name: orders
            models:
              - name: priced
                config:
                  contract: {enforced: true}
                columns:
                  - name: id
                    data_type: int
                  - name: price
                    data_type: numeric
                  - name: code
                    data_type: char
              - name: cities
                columns:
                  - name: city
                    data_tests:
                      - accepted_values:
                          values: ['Łódź', 'Kraków']
            """)
        .With("models/other_db_model.sql", "{{ config(materialized='table', database='otherdb') }}\nselect 1 as id")
        .With("models/reader.sql", "{{ config(materialized='view') }}\nselect o.id from {{ ref('other_db_model') }} o join {{ source('erp', 'orders') }} s on s.id = o.id")
        .With("models/incr_otherdb.sql", """
            {{ config(materialized='incremental', database='otherdb', on_schema_change='append_new_columns') }}
            select 1 as id, sysdatetime() as seen_at
            {% if is_incremental() %}where seen_at > (select max(seen_at) from {{ this }}){% endif %}
            """)
        .With("models/priced.sql", "{{ config(materialized='table') }}\nselect 1 as id, cast(12.34 as decimal(10,2)) as price, cast('ab' as varchar(2)) as code")
        .With("models/cities.sql", "{{ config(materialized='view') }}\nselect cast(N'Łódź' as nvarchar(20)) as city");

    [Test]
    public void Refs_sources_and_this_render_with_their_database()
    {
        using var project = Fixture();
        var result = new RecordedRun().Forge(project, "compile", "--target", "sqlserver");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var reader = project.Read("target/compiled/review/models/reader.sql");
        Assert.That(reader, Does.Contain("from [otherdb].[analytics].[other_db_model] o join [erp_db].[sales].[orders] s"));
        var incremental = project.Read("target/compiled/review/models/incr_otherdb.sql");
        Assert.That(incremental, Does.Contain("[otherdb].[analytics].[incr_otherdb]").Or.Not.Contain("from [analytics]"));
    }

    [Test]
    public void Is_incremental_reads_the_table_in_the_configured_database()
    {
        using var project = Fixture();
        var run = new RecordedRun();
        run.Existing[("analytics", "incr_otherdb")] = "table";
        run.Columns["incr_otherdb"] = [("id", "int"), ("seen_at", "datetime2(7)")];

        var result = run.Forge(project, "run", "--target", "sqlserver", "--select", "incr_otherdb");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(run.Log.Statements, Has.Some.Contains("select max(seen_at) from [otherdb].[analytics].[incr_otherdb]"));
    }

    [Test]
    public void Dependent_views_are_refreshed_after_a_view_rebuild_and_after_incremental_column_changes()
    {
        using var project = Fixture();
        var run = new RecordedRun();
        run.Existing[("analytics", "cities")] = "view";
        run.Existing[("analytics", "incr_otherdb")] = "table";
        run.Columns["incr_otherdb"] = [("id", "int")];
        run.Columns["incr_otherdb__forge_incr"] = [("id", "int"), ("seen_at", "datetime2(7)")];

        var result = run.Forge(project, "run", "--target", "sqlserver", "--select", "cities", "incr_otherdb");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        run.AssertEveryStatementParses();
        var refreshes = run.Log.Statements.Where(s => s.Contains("sp_refreshview", StringComparison.Ordinal)).ToList();
        Assert.That(refreshes, Has.Some.Contains("d.referenced_entity_name = N''cities''"));
        Assert.That(refreshes, Has.Some.Contains("d.referenced_entity_name = N''incr_otherdb''"));
        GoldenFile.Verify("tests/Golden/SqlServer/run-review-refresh.verified.sql", run.Log.ToScript());
    }

    [Test]
    public void A_backup_that_cannot_be_dropped_after_the_swap_is_a_warning_not_a_failed_model()
    {
        using var project = Fixture();
        var run = new RecordedRun();
        run.Existing[("analytics", "other_db_model")] = "table";
        run.FailWith = statement => statement.Contains("DROP TABLE IF EXISTS [otherdb].[analytics].[other_db_model__forge_backup]", StringComparison.Ordinal)
            && run.Log.Statements.Contains("COMMIT TRANSACTION")
            ? "Could not drop object 'analytics.tbl_otherdb__forge_backup' because it is referenced by a FOREIGN KEY constraint."
            : null;

        var result = run.Forge(project, "run", "--target", "sqlserver", "--select", "other_db_model");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("warning MF5920").And.Contain("[otherdb].[analytics].[other_db_model__forge_backup] could not be dropped").And.Contain("FOREIGN KEY"));
        Assert.That(result.Output, Does.Contain("PASS=1"));
    }

    [Test]
    public void A_contract_numeric_without_precision_warns_and_is_created_with_the_query_precision()
    {
        using var project = Fixture();
        var run = new RecordedRun();
        run.Described.AddRange([("id", "int"), ("price", "decimal(10,2)"), ("code", "varchar(2)")]);

        var result = run.Forge(project, "run", "--target", "sqlserver", "--select", "priced");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.All, Does.Contain("warning MF4600: model 'priced': contract column 'price' has data_type 'numeric' without precision and scale; it is created as 'numeric(10,2)'"));
        var create = run.Log.Statements.Single(s => s.StartsWith("create table", StringComparison.Ordinal));
        Assert.That(create, Does.Contain("[price] numeric(10,2)").And.Contain("[code] char(2)"));
        run.AssertEveryStatementParses();
    }

    [Test]
    public void Accepted_values_compile_to_Unicode_literals()
    {
        using var project = Fixture();
        var result = new RecordedRun().Forge(project, "compile", "--target", "sqlserver");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var test = Directory.GetFiles(Path.Combine(project.Root, "target/compiled/review/models"), "accepted_values_*.sql", SearchOption.AllDirectories).Single();
        Assert.That(File.ReadAllText(test), Does.Contain("N'Łódź', N'Kraków'"));
    }

    [Test]
    public void A_longer_upstream_string_widens_the_incremental_table_before_the_insert()
    {
        using var project = Fixture();
        var run = new RecordedRun();
        run.Existing[("analytics", "incr_otherdb")] = "table";
        run.Columns["incr_otherdb"] = [("id", "int"), ("note", "varchar(50)"), ("seen_at", "datetime2(7)")];
        run.Columns["incr_otherdb__forge_incr"] = [("id", "int"), ("note", "varchar(100)"), ("seen_at", "datetime2(6)")];

        var result = run.Forge(project, "run", "--target", "sqlserver", "--select", "incr_otherdb");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(run.Log.Statements, Has.One.EqualTo("ALTER TABLE [otherdb].[analytics].[incr_otherdb] ALTER COLUMN [note] varchar(100)"));
        // append_new_columns retypes nothing else; the widening runs under every policy.
        Assert.That(run.Log.Statements.Count(s => s.StartsWith("ALTER TABLE", StringComparison.Ordinal)), Is.EqualTo(1));
        run.AssertEveryStatementParses();
    }

    [Test]
    public void Grants_are_applied_inside_the_swap_and_diffed_on_an_incremental_table()
    {
        using var project = Fixture()
            .With("models/granted.sql", "{{ config(materialized='table', grants={'select': ['reporting']}) }}\nselect 1 as id")
            .With("models/incr_otherdb.sql", "{{ config(materialized='incremental', database='otherdb', grants={'select': ['reporting']}) }}\nselect 1 as id");
        var run = new RecordedRun();
        run.Existing[("analytics", "granted")] = "table";
        run.Existing[("analytics", "incr_otherdb")] = "table";
        run.Columns["incr_otherdb"] = [("id", "int")];

        var result = run.Forge(project, "run", "--target", "sqlserver", "--select", "granted", "incr_otherdb");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        run.AssertEveryStatementParses();
        var statements = run.Log.Statements.ToList();
        var grant = statements.FindIndex(s => s.Contains("GRANT SELECT ON OBJECT::[analytics].[granted] TO [reporting]", StringComparison.Ordinal));
        Assert.That(grant, Is.GreaterThan(statements.FindIndex(s => s.Contains("@newname = N'granted'", StringComparison.Ordinal))));
        Assert.That(statements[grant + 1], Is.EqualTo("COMMIT TRANSACTION"));
        Assert.That(statements, Has.Some.Contains("sys.database_permissions").And.Contains("[incr_otherdb]"));
    }

    [Test]
    public void A_column_the_model_dropped_takes_nulls_before_the_insert()
    {
        using var project = Fixture();
        var run = new RecordedRun();
        run.Existing[("analytics", "incr_otherdb")] = "table";
        run.Columns["incr_otherdb"] = [("id", "int"), ("legacy", "int"), ("seen_at", "datetime2(7)")];
        run.Columns["incr_otherdb__forge_incr"] = [("id", "int"), ("seen_at", "datetime2(7)")];

        var result = run.Forge(project, "run", "--target", "sqlserver", "--select", "incr_otherdb");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var statements = run.Log.Statements.ToList();
        var allow = statements.IndexOf("ALTER TABLE [otherdb].[analytics].[incr_otherdb] ALTER COLUMN [legacy] int NULL");
        Assert.That(allow, Is.GreaterThan(0));
        Assert.That(statements.FindIndex(s => s.StartsWith("INSERT INTO [otherdb].[analytics].[incr_otherdb]", StringComparison.Ordinal)), Is.GreaterThan(allow));
    }

    [Test]
    public void Incremental_predicates_reach_the_merge()
    {
        using var project = Fixture()
            .With("models/incr_otherdb.sql", "{{ config(materialized='incremental', unique_key='id', incremental_predicates=[\"DBT_INTERNAL_DEST.id > 0\"]) }}\nselect 1 as id");
        var run = new RecordedRun();
        run.Existing[("analytics", "incr_otherdb")] = "table";
        run.Columns["incr_otherdb"] = [("id", "int")];

        var result = run.Forge(project, "run", "--target", "sqlserver", "--select", "incr_otherdb");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        // No incremental_strategy: a unique_key makes it a MERGE, as in dbt-sqlserver.
        Assert.That(run.Log.Statements, Has.Some.StartsWith("MERGE INTO").And.Contains("AND (forge_target.id > 0))"));
        run.AssertEveryStatementParses();
    }

    [Test]
    public void Each_worker_connection_starts_with_XACT_ABORT_on()
    {
        using var project = Fixture();
        var run = new RecordedRun();

        var result = run.Forge(project, "run", "--target", "sqlserver", "--select", "cities", "--threads", "1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(run.Log.Statements[0], Is.EqualTo("SET XACT_ABORT ON"));
    }
}
