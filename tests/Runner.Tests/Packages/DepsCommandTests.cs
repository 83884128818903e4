using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Packages;

public sealed class DepsCommandTests
{
    private static TempProject Project(string packagesYml) =>
        new TempProject().WithProjectFile().With("packages.yml", packagesYml);

    private static Dictionary<string, object> Dep(string package, string version) => new() { ["package"] = package, ["version"] = version };

    [Test]
    public void A_project_without_packages_says_so_and_succeeds()
    {
        using var project = new TempProject().WithProjectFile();
        var result = project.Forge("deps");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("No packages found in packages.yml; nothing to install."));
    }

    [Test]
    public void A_local_package_is_installed_under_its_project_name_and_locked()
    {
        using var project = Project("packages:\n  - local: libs/shared\n")
            .With("libs/shared/dbt_project.yml", "name: shared_macros\nversion: '1.0'\n")
            .With("libs/shared/macros/m.sql", "{% macro m() %}1{% endmacro %}");
        var result = project.Forge("deps");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(project.Exists("dbt_packages/shared_macros/macros/m.sql"), Is.True);
        Assert.That(result.Output, Does.Contain("Installed shared_macros local (local: libs/shared)"));
        Assert.That(result.Output, Does.Contain("Installed 1 package into dbt_packages/."));
        Assert.That(project.Read("package-lock.yml"), Does.StartWith("packages:\n  - local: libs/shared\n    name: shared_macros\nsha1_hash: "));

        var again = project.Forge("deps");
        Assert.That(again.Output, Does.Contain("Installing from package-lock.yml"), again.ToString());
        Assert.That(Directory.GetDirectories(Path.Combine(project.Root, "dbt_packages")).Select(Path.GetFileName), Is.EqualTo(new[] { "shared_macros" }),
            "no staging folder is left behind");
    }

    [Test]
    public void Hub_packages_resolve_ranges_and_transitive_dependencies_from_the_hub_json()
    {
        using var hub = new PackageHub()
            .Publish("dbt-labs/dbt_utils", "0.9.6").Publish("dbt-labs/dbt_utils", "1.0.0").Publish("dbt-labs/dbt_utils", "1.1.1").Publish("dbt-labs/dbt_utils", "1.2.0-b1")
            .Publish("calogica/dbt_date", "0.10.0", [Dep("dbt-labs/dbt_utils", "<1.1.0")]);
        using var project = Project("packages:\n  - package: calogica/dbt_date\n    version: [\">=0.10.0\", \"<0.11.0\"]\n  - package: dbt-labs/dbt_utils\n    version: \">=0.9.0\"\n")
            .WithEnvironment("DBT_PACKAGE_HUB_URL", hub.Url);
        var result = project.Forge("deps");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(project.Read("dbt_packages/dbt_utils/macros/m.sql"), Is.EqualTo("-- dbt_utils 1.0.0\n"));
        Assert.That(project.Exists("dbt_packages/dbt_date/dbt_project.yml"), Is.True);
        Assert.That(result.Output, Does.Contain("Installed dbt_utils 1.0.0 (hub: dbt-labs/dbt_utils)"));
        var lockText = project.Read("package-lock.yml");
        Assert.That(lockText, Does.Contain("  - name: dbt_date\n    package: calogica/dbt_date\n    version: 0.10.0\n  - name: dbt_utils\n    package: dbt-labs/dbt_utils\n    version: 1.0.0\n"));
    }

    [Test]
    public void The_lock_is_reused_until_packages_yml_changes_or_upgrade_is_asked()
    {
        using var hub = new PackageHub().Publish("dbt-labs/dbt_utils", "1.0.0");
        using var project = Project("packages:\n  - package: dbt-labs/dbt_utils\n    version: \">=1.0.0\"\n").WithEnvironment("DBT_PACKAGE_HUB_URL", hub.Url);
        Assert.That(project.Forge("deps").ExitCode, Is.Zero);
        hub.Publish("dbt-labs/dbt_utils", "1.1.0");

        var reused = project.Forge("deps");
        Assert.That(reused.Output, Does.Contain("Installing from package-lock.yml"), reused.ToString());
        Assert.That(project.Read("dbt_packages/dbt_utils/macros/m.sql"), Does.Contain("1.0.0"), "a CI install stays on the locked version");
        Assert.That(reused.Output, Does.Contain("Installed dbt_utils 1.0.0 (hub: dbt-labs/dbt_utils)\n  version 1.1.0 is available"));

        var upgraded = project.Forge("deps", "--upgrade");
        Assert.That(upgraded.ExitCode, Is.Zero, upgraded.ToString());
        Assert.That(project.Read("dbt_packages/dbt_utils/macros/m.sql"), Does.Contain("1.1.0"));
        Assert.That(project.Read("package-lock.yml"), Does.Contain("version: 1.1.0"));

        project.With("packages.yml", "packages:\n  - package: dbt-labs/dbt_utils\n    version: \"<1.1.0\"\n");
        var changed = project.Forge("deps");
        Assert.That(changed.Output, Does.Contain("Resolving packages from packages.yml"), changed.ToString());
        Assert.That(project.Read("dbt_packages/dbt_utils/macros/m.sql"), Does.Contain("1.0.0"));
    }

    [Test]
    public void Lock_only_writes_the_lock_and_installs_nothing()
    {
        using var hub = new PackageHub().Publish("dbt-labs/dbt_utils", "1.0.0");
        using var project = Project("packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.0.0\n").WithEnvironment("DBT_PACKAGE_HUB_URL", hub.Url);
        var result = project.Forge("deps", "--lock");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(project.Exists("package-lock.yml"), Is.True);
        Assert.That(Directory.Exists(Path.Combine(project.Root, "dbt_packages", "dbt_utils")), Is.False);
        Assert.That(hub.Requests, Has.None.StartsWith("tarballs/"));
    }

    [Test]
    public void An_unknown_hub_package_points_at_its_entry_and_suggests_the_nearest_name()
    {
        using var hub = new PackageHub().Publish("dbt-labs/dbt_utils", "1.0.0");
        using var project = Project("packages:\n  - package: dbt-labs/dbt_utlis\n    version: 1.0.0\n").WithEnvironment("DBT_PACKAGE_HUB_URL", hub.Url);
        var result = project.Forge("deps");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("packages.yml:2:5: error MF1808: package 'dbt-labs/dbt_utlis' is not on the package hub"));
        Assert.That(result.Error, Does.Contain("did you mean 'dbt-labs/dbt_utils'?"));
        Assert.That(result.Error, Does.Not.Contain("   at "), "never a stack trace");
    }

    [Test]
    public void An_impossible_range_lists_the_published_versions()
    {
        using var hub = new PackageHub().Publish("dbt-labs/dbt_utils", "1.0.0");
        using var project = Project("packages:\n  - package: dbt-labs/dbt_utils\n    version: \">=2.0.0\"\n").WithEnvironment("DBT_PACKAGE_HUB_URL", hub.Url);
        var result = project.Forge("deps");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("packages.yml:2:5: error MF1807: no version of dbt-labs/dbt_utils matches >=2.0.0"));
        Assert.That(result.Error, Does.Contain("installable versions: 1.0.0"));
    }

    [Test]
    public void No_network_is_a_clear_error_at_the_package()
    {
        using var hub = new PackageHub();
        var url = hub.Url;
        hub.Dispose();
        using var project = Project("packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.0.0\n").WithEnvironment("DBT_PACKAGE_HUB_URL", url);
        var result = project.Forge("deps");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain($"packages.yml:2:5: error MF1809: cannot reach the package hub at {url}api/v1/index.json"));
        Assert.That(result.Error, Does.Contain("hint: check the network connection"));
    }

    [Test]
    public void A_failed_install_leaves_installed_packages_intact_and_no_half_folder()
    {
        using var hub = new PackageHub().Publish("dbt-labs/dbt_utils", "1.0.0").Publish("dbt-labs/dbt_utils", "1.1.0")
            .Publish("acme/broken", "1.0.0", tarball: "not a tarball"u8.ToArray());
        using var project = Project("packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.0.0\n").WithEnvironment("DBT_PACKAGE_HUB_URL", hub.Url);
        Assert.That(project.Forge("deps").ExitCode, Is.Zero);

        // Given a newer dbt_utils and a package whose tarball is corrupt
        project.With("packages.yml", "packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.1.0\n  - package: acme/broken\n    version: 1.0.0\n");
        var result = project.Forge("deps");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("packages.yml:4:5: error MF1814: cannot install the tarball"));
        Assert.That(project.Read("dbt_packages/dbt_utils/macros/m.sql"), Does.Contain("1.0.0"), "the installed version stays in place");
        Assert.That(Directory.GetDirectories(Path.Combine(project.Root, "dbt_packages")).Select(Path.GetFileName), Is.EqualTo(new[] { "dbt_utils" }));
    }

    [Test]
    public void Git_packages_install_at_a_tag_a_branch_and_from_a_subdirectory()
    {
        using var repo = new GitRepository();
        var v1 = repo.Commit(new() { ["dbt_project.yml"] = "name: git_pkg\n", ["macros/m.sql"] = "-- v1\n", ["nested/dbt_project.yml"] = "name: nested_pkg\n" }, tag: "v1.0.0");
        repo.Commit(new() { ["macros/m.sql"] = "-- v2\n" });
        using var project = Project($"packages:\n  - git: \"{repo.Url}\"\n    revision: v1.0.0\n");
        var tagged = project.Forge("deps");
        Assert.That(tagged.ExitCode, Is.Zero, tagged.ToString());
        Assert.That(project.Read("dbt_packages/git_pkg/macros/m.sql"), Is.EqualTo("-- v1\n"));
        Assert.That(project.Read("package-lock.yml"), Does.Contain($"revision: {v1}"), "the lock pins the commit");

        project.With("packages.yml", $"packages:\n  - git: \"{repo.Url}\"\n    revision: main\n");
        var branch = project.Forge("deps");
        Assert.That(branch.ExitCode, Is.Zero, branch.ToString());
        Assert.That(project.Read("dbt_packages/git_pkg/macros/m.sql"), Is.EqualTo("-- v2\n"));
        Assert.That(branch.Error, Does.Contain("packages.yml:2:5: warning MF1812: git package " + repo.Url + " is pinned to the \"main\" branch"));

        project.With("packages.yml", $"packages:\n  - git: \"{repo.Url}\"\n    revision: v1.0.0\n    subdirectory: nested\n");
        var nested = project.Forge("deps");
        Assert.That(nested.ExitCode, Is.Zero, nested.ToString());
        Assert.That(project.Exists("dbt_packages/nested_pkg/dbt_project.yml"), Is.True);
        Assert.That(Directory.Exists(Path.Combine(project.Root, "dbt_packages", "git_pkg")), Is.False, "packages no longer locked are removed, as dbt does");
    }

    [Test]
    public void An_unreachable_git_url_is_an_error_and_its_secret_is_scrubbed()
    {
        using var project = Project("packages:\n  - git: \"file:///nonexistent/{{ env_var('DBT_ENV_SECRET_TOKEN') }}/repo.git\"\n    revision: v1\n")
            .WithEnvironment("DBT_ENV_SECRET_TOKEN", "s3cr3tvalue");
        var result = project.Forge("deps");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("packages.yml:2:5: error MF1810: git could not clone"));
        Assert.That(result.Error, Does.Contain("*****"));
        Assert.That(result.All, Does.Not.Contain("s3cr3tvalue"));
    }

    [Test]
    public void The_lock_keeps_a_secret_git_url_unrendered()
    {
        using var repo = new GitRepository();
        repo.Commit(new() { ["dbt_project.yml"] = "name: git_pkg\n" }, tag: "v1");
        var secretPart = repo.Url["file://".Length..];
        using var project = Project("packages:\n  - git: \"file://{{ env_var('DBT_ENV_SECRET_PATH') }}\"\n    revision: v1\n")
            .WithEnvironment("DBT_ENV_SECRET_PATH", secretPart);
        var result = project.Forge("deps");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(project.Read("package-lock.yml"), Does.Contain("git: file://{{ env_var('DBT_ENV_SECRET_PATH') }}"));
        Assert.That(result.All, Does.Not.Contain(secretPart));
        Assert.That(project.Forge("deps").ExitCode, Is.Zero, "the lock renders the env_var again to install");
    }

    [Test]
    public void Add_package_appends_to_packages_yml_and_installs()
    {
        using var hub = new PackageHub().Publish("dbt-labs/dbt_utils", "1.1.1");
        using var project = new TempProject().WithProjectFile().WithEnvironment("DBT_PACKAGE_HUB_URL", hub.Url);
        var result = project.Forge("deps", "--add-package", "dbt-labs/dbt_utils@1.1.1");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(project.Read("packages.yml"), Is.EqualTo("packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.1.1\n"));
        Assert.That(project.Exists("dbt_packages/dbt_utils/dbt_project.yml"), Is.True);

        var missing = project.Forge("deps", "--add-package", "dbt-labs/codegen");
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Error, Does.Contain("error MF1819: --add-package 'dbt-labs/codegen' is not valid"));
    }

    [Test]
    public void A_missing_local_folder_is_reported_at_its_entry()
    {
        using var project = Project("packages:\n  - local: ../nowhere\n");
        var result = project.Forge("deps");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("packages.yml:2:5: error MF1813: local package folder '../nowhere' does not exist"));
    }

    [Test]
    public void A_tarball_package_installs_under_its_project_name()
    {
        using var hub = new PackageHub().Publish("acme/tools", "2.0.0");
        using var project = Project($"packages:\n  - tarball: {hub.Url}tarballs/acme/tools/2.0.0.tar.gz\n    name: tools\n");
        var result = project.Forge("deps");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(project.Read("dbt_packages/tools/macros/m.sql"), Is.EqualTo("-- tools 2.0.0\n"));
        Assert.That(project.Read("package-lock.yml"), Does.Contain($"  - name: tools\n    tarball: {hub.Url}tarballs/acme/tools/2.0.0.tar.gz\n"));
    }

    [Test]
    public void A_local_package_brings_its_own_dependencies_declared_in_dependencies_yml()
    {
        using var project = new TempProject().WithProjectFile()
            .With("dependencies.yml", "packages:\n  - local: libs/outer\n")
            .With("libs/outer/dbt_project.yml", "name: outer\n")
            .With("libs/outer/packages.yml", "packages:\n  - local: libs/inner\n")
            .With("libs/inner/dbt_project.yml", "name: inner\n");
        var result = project.Forge("deps");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(project.Exists("dbt_packages/outer/dbt_project.yml") && project.Exists("dbt_packages/inner/dbt_project.yml"), Is.True);
        Assert.That(result.Output, Does.Contain("Resolving packages from dependencies.yml"));
    }

    [Test]
    public void A_package_folder_without_a_project_file_is_reported_at_its_entry()
    {
        using var project = Project("packages:\n  - local: libs/empty\n").With("libs/empty/README.md", "nothing");
        var result = project.Forge("deps");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("packages.yml:2:5: error MF1815: package libs/empty has no dbt_project.yml with a name"));
    }

    [Test]
    public void An_interrupted_run_leaves_installed_packages_as_they_were()
    {
        using var project = Project("packages:\n  - local: libs/a\n")
            .With("libs/a/dbt_project.yml", "name: pkg_a\n").With("libs/b/dbt_project.yml", "name: pkg_b\n");
        Assert.That(project.Forge("deps").ExitCode, Is.Zero);
        project.With("packages.yml", "packages:\n  - local: libs/b\n");

        var result = project.Forge(new CancellationToken(canceled: true), "deps");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("forge deps was interrupted; packages already installed were left as they were."));
        Assert.That(Directory.GetDirectories(Path.Combine(project.Root, "dbt_packages")).Select(Path.GetFileName), Is.EqualTo(new[] { "pkg_a" }));
    }
}
