using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.DuckDbProfile;

/// Relations render "database"."schema"."identifier" on DuckDB, as dbt-duckdb renders them, so an
/// attached database, a source's database: and +database resolve to the right catalog.
public sealed class ThreePartNameTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("names").WithProjectFile();

    [TearDown]
    public void TearDown() => _project.Dispose();

    private string Main => Path.Combine(_project.Root, "target", "dev.duckdb");

    private string Lookup => Path.Combine(_project.Root, "lookup.duckdb");

    private void ProfileWithAttach(string schema = "main") =>
        _project.With("profiles.yml",
            $"names:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/dev.duckdb\n      schema: {schema}\n" +
            "      attach:\n        - path: lookup.duckdb\n          alias: lookup\n");

    [Test]
    public void This_and_ref_carry_the_target_database()
    {
        ProfileWithAttach();
        _project.With("models/a.sql", "select 1 as id -- {{ this }}")
            .With("models/b.sql", "select * from {{ ref('a') }}");

        var result = _project.Forge("compile");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(_project.Read("target/compiled/names/models/a.sql"), Does.Contain("-- \"dev\".\"main\".\"a\""));
        Assert.That(_project.Read("target/compiled/names/models/b.sql"), Does.Contain("from \"dev\".\"main\".\"a\""));
    }

    [Test]
    public void A_source_in_an_attached_database_is_not_the_model_of_the_same_name()
    {
        // Same schema and name in two catalogs: two-part names made the model read itself.
        Database.Execute(Lookup, "create table main.orders as select 7 as id");
        ProfileWithAttach();
        _project.With("models/sources.yml", "version: 2\nsources:\n  - name: lookup\n    database: lookup\n    schema: main\n    tables:\n      - name: orders\n")
            .With("models/orders.sql", "{{ config(materialized='table') }}\nselect id * 2 as id from {{ source('lookup', 'orders') }}");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Scalar(Main, "select id from main.orders"), Is.EqualTo(14));
    }

    [Test]
    public void A_model_with_database_config_is_built_in_that_attached_database()
    {
        ProfileWithAttach();
        _project.With("models/remote.sql", "{{ config(materialized='table', database='lookup', schema='marts') }}\nselect 5 as id")
            .With("models/reader.sql", "select * from {{ ref('remote') }}")
            .With("seeds/codes.csv", "code\nx\n")
            .With("seeds/codes.yml", "version: 2\nseeds:\n  - name: codes\n    config:\n      database: lookup\n");

        var result = _project.Forge("build");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Scalar(Lookup, "select id from main_marts.remote"), Is.EqualTo(5));
        Assert.That(Database.Scalar(Lookup, "select code from main.codes"), Is.EqualTo("x"));
        Assert.That(Database.RelationType(Main, "main", "reader"), Is.EqualTo("view"));
    }

    [Test]
    public void A_schema_of_the_same_name_in_an_attached_database_does_not_stop_create_schema()
    {
        Database.Execute(Lookup, "create schema analytics; create table analytics.other as select 1 as id");
        ProfileWithAttach("analytics");
        _project.With("models/a.sql", "{{ config(materialized='table') }}\nselect 1 as id");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Scalar(Main, "select id from analytics.a"), Is.EqualTo(1));
    }
}
