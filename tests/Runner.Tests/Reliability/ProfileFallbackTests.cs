using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Reliability;

/// <summary>forge never runs against the embedded DuckDB when the user asked for another target.</summary>
public sealed class ProfileFallbackTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("shop").WithProjectFile().With("models/a.sql", "select 1 as x");

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void An_unknown_target_without_profiles_yml_stops_before_touching_any_database()
    {
        var result = _project.Forge("run", "--target", "nope");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("error MF1152: --target 'nope' was given but no profiles.yml was found"));
        Assert.That(_project.Exists("target/shop.duckdb"), Is.False);
    }

    [Test]
    public void A_profiles_yml_without_the_project_profile_is_an_error_naming_the_known_ones()
    {
        _project.With("profiles.yml", "shopp:\n  target: dev\n  outputs:\n    dev: {type: duckdb, path: other.duckdb}\n");
        var result = _project.Forge("run");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("forge_project.yml:3:10: error MF1150: profile 'shop' is not in profiles.yml"));
        Assert.That(result.Error, Does.Contain("did you mean 'shopp'? known profiles: shopp"));
        Assert.That(_project.Exists("target/shop.duckdb"), Is.False);
    }

    [Test]
    public void A_missing_profiles_dir_is_an_error()
    {
        var result = _project.Forge("run", "--profiles-dir", "no_such_folder");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("error MF1151: --profiles-dir folder").And.Contain("does not exist"));
    }

    [Test]
    public void The_embedded_fallback_says_so_on_the_first_line()
    {
        var result = _project.Forge("run");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Error.Split('\n')[0], Is.EqualTo("Using the embedded DuckDB target/shop.duckdb: no profiles.yml was found for profile 'shop'."));
    }

    [Test]
    public void A_configured_profile_prints_no_fallback_line()
    {
        _project.With("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev: {type: duckdb, path: target/dev.duckdb}\n");
        var result = _project.Forge("run");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.All, Does.Not.Contain("embedded DuckDB"));
        Assert.That(_project.Exists("target/dev.duckdb"), Is.True);
    }

    [Test]
    public void Profiles_yml_in_the_dbt_home_folder_is_used()
    {
        _project.With(".home/.dbt/profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev: {type: duckdb, path: target/from_dbt_home.duckdb}\n");
        var result = _project.Forge("run");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(_project.Exists("target/from_dbt_home.duckdb"), Is.True);
    }
}
