using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Reliability;

/// <summary>forge's helper relations (name__forge_tmp, name__forge_backup) never cost a user's table.</summary>
public sealed class HelperNameTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("helpers").WithProjectFile()
        .With("models/a.sql", "{{ config(materialized='table') }}\nselect 1 as x");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [TestCase("a__forge_tmp")]
    [TestCase("a__forge_backup")]
    public void A_user_table_with_a_helper_name_is_kept_and_the_model_stops_naming_it(string userTable)
    {
        Assert.That(_project.Forge("run").ExitCode, Is.EqualTo(0));
        Database.Execute(_project.DatabasePath, $"create table main.{userTable} as select 'precious' as v");

        var result = _project.Forge("run");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain($"error MF5914: \"helpers\".\"main\".\"{userTable}\" already exists; forge builds \"helpers\".\"main\".\"a\" under that name"));
        Assert.That(Database.Scalar(_project.DatabasePath, $"select v from main.{userTable}"), Is.EqualTo("precious"));
        Assert.That(Convert.ToInt64(Database.Scalar(_project.DatabasePath, "select x from main.a")), Is.EqualTo(1));
    }

    [Test]
    public void A_model_named_like_a_helper_is_refused_before_any_statement()
    {
        _project.With("models/a__forge_tmp.sql", "{{ config(materialized='table') }}\nselect 2 as y");
        var result = _project.Forge("run", "-s", "a__forge_tmp");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Output, Does.Contain("error MF5910: relation name 'a__forge_tmp' contains '__forge_'"));
        Assert.That(Database.Query(_project.DatabasePath, "select table_name from information_schema.tables where table_name like 'a__forge%'"), Is.Empty);
    }
}
