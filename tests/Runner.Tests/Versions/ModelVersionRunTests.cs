using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Versions;

internal sealed class ModelVersionRunTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop")
        .WithProjectFile()
        .With("models/dim_customers_v1.sql", "select 1 as customer_id, 'old' as source")
        .With("models/dim_customers_v2.sql", "select 2 as customer_id, 'new' as source")
        .With("models/reader.sql", "select * from {{ ref('dim_customers') }} union all select * from {{ ref('dim_customers', v=1) }}")
        .With("models/schema.yml", """
            models:
              - name: dim_customers
                config: {materialized: table}
                versions:
                  - v: 1
                  - v: 2
            """);

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void Run_builds_each_version_in_its_own_relation_and_the_reader_reads_both()
    {
        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(Database.Query(_project.DatabasePath, "select customer_id, source from main.dim_customers_v1").Select(r => $"{r[0]}|{r[1]}"),
            Is.EqualTo(new[] { "1|old" }));
        Assert.That(Database.RelationType(_project.DatabasePath, "main", "dim_customers_v2"), Is.EqualTo("table"));
        Assert.That(Database.Query(_project.DatabasePath, "select customer_id from main.reader order by 1").Select(r => r[0]!.ToString()),
            Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public void Ls_by_model_name_lists_every_version_and_m_v2_one()
    {
        var all = _project.Forge("ls", "--select", "dim_customers", "--output", "name");
        var one = _project.Forge("ls", "--select", "dim_customers.v2", "--resource-type", "model");

        Assert.That(all.ExitCode, Is.EqualTo(0), all.ToString());
        Assert.That(all.Output, Does.Contain("dim_customers.v1").And.Contain("dim_customers.v2"));
        Assert.That(one.Output.Trim(), Is.EqualTo("shop.dim_customers.v2"));
    }
}
