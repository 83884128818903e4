using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Contracts;

/// <summary>Incremental models: the contract is checked on every run, and each batch meets the table's constraints.</summary>
public sealed class IncrementalContractTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop").WithProjectFile()
        .With("models/schema.yml", """
            version: 2
            models:
              - name: events
                config:
                  materialized: incremental
                  contract: {enforced: true}
                columns:
                  - name: event_id
                    data_type: integer
                    constraints:
                      - type: primary_key
                  - name: kind
                    data_type: varchar
                    constraints:
                      - type: not_null
            """);

    [TearDown]
    public void TearDown() => _project.Dispose();

    private TempProject Events(string first, string batch) => _project.With("models/events.sql",
        $"{{% if is_incremental() %}}\n{batch}\n{{% else %}}\n{first}\n{{% endif %}}");

    [Test]
    public void The_first_build_creates_the_table_with_the_constraints_and_later_batches_append()
    {
        Events("select 1 as event_id, 'open' as kind", "select 2 as event_id, 'close' as kind");

        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));
        var second = _project.Forge("run");

        Assert.That(second.ExitCode, Is.EqualTo(0), second.ToString());
        Assert.That(_project.Read("target/run/shop/models/events.sql"), Does.Contain("describe"));
        Assert.That(Database.Scalar(_project.DatabasePath, "select count(*) from main.events"), Is.EqualTo(2));
        Assert.That(Database.Scalar(_project.DatabasePath,
            "select count(*) from duckdb_constraints() where table_name = 'events' and constraint_type = 'PRIMARY KEY'"), Is.EqualTo(1));
    }

    [Test]
    public void The_contract_is_checked_on_an_incremental_run()
    {
        Events("select 1 as event_id, 'open' as kind", "select 2 as event_id, 'close' as kind");
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));
        Events("select 1 as event_id, 'open' as kind", "select 2 as event_id, 3 as kind");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("error MF5501"));
        Assert.That(result.Output, Does.Contain("| kind        | INTEGER         | varchar       | data type mismatch |"));
        Assert.That(Database.Scalar(_project.DatabasePath, "select count(*) from main.events"), Is.EqualTo(1));
    }

    [Test]
    public void A_batch_that_breaks_a_constraint_fails_naming_it_and_leaves_the_table()
    {
        Events("select 1 as event_id, 'open' as kind", "select 1 as event_id, 'again' as kind");
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("error MF5503: model 'events' violates its contract: primary_key on event_id"));
        Assert.That(Database.Scalar(_project.DatabasePath, "select count(*) from main.events"), Is.EqualTo(1));
    }
}
