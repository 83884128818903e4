using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Packages;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Packages;

public sealed class DependencyResolverTests
{
    /// <summary>A hub and a set of git/local packages held in memory.</summary>
    private sealed class FakeSource : IPackageSource
    {
        public Dictionary<string, Dictionary<string, PackageSpec[]>> Hub { get; } = new();

        public Dictionary<string, (string Name, PackageSpec[] Deps)> Other { get; } = new();

        public List<string> Fetched { get; } = [];

        public IReadOnlyList<string> HubVersions(string package, SourceSpan? span) =>
            Hub.TryGetValue(package, out var versions) ? versions.Keys.ToList()
                : throw new DiagnosticException(DiagnosticCodes.Packages.UnknownPackage(span, package, null));

        public FetchedPackage Fetch(ResolvedPackage package)
        {
            Fetched.Add(package.Location + "@" + (package.Version ?? package.Revision));
            if (package.Kind == PackageKind.Hub)
                return new FetchedPackage(package.Location.Split('/')[1], null, Hub[package.Location][package.Version!]);
            var (name, deps) = Other[package.Location];
            return new FetchedPackage(name, package.Kind == PackageKind.Git ? "abc123" : null, deps);
        }
    }

    private static PackageSpec Hub(string name, params string[] versions) =>
        new() { Kind = PackageKind.Hub, Location = name, Versions = versions };

    private static PackageSpec Git(string url, string? revision) =>
        new() { Kind = PackageKind.Git, Location = url, Revision = revision };

    private static FakeSource UtilsHub()
    {
        var source = new FakeSource();
        source.Hub["dbt-labs/dbt_utils"] = new() { ["0.9.6"] = [], ["1.0.0"] = [], ["1.1.1"] = [], ["1.2.0-b1"] = [], ["2.0.0"] = [] };
        return source;
    }

    [Test]
    public void The_newest_version_inside_every_range_is_chosen()
    {
        var resolved = new DependencyResolver(UtilsHub()).Resolve([Hub("dbt-labs/dbt_utils", ">=1.0.0", "<2.0.0")], new DiagnosticBag());
        Assert.That(resolved.Single().Version, Is.EqualTo("1.1.1"));
    }

    [Test]
    public void Prereleases_are_chosen_only_when_allowed()
    {
        var allowed = Hub("dbt-labs/dbt_utils", ">=1.0.0", "<2.0.0") with { InstallPrerelease = true };
        Assert.That(new DependencyResolver(UtilsHub()).Resolve([allowed], new DiagnosticBag()).Single().Version, Is.EqualTo("1.2.0-b1"));
        Assert.That(new DependencyResolver(UtilsHub()).Resolve([Hub("dbt-labs/dbt_utils", ">=1.2.0-a1", "<2.0.0")], new DiagnosticBag()).Single().Version,
            Is.EqualTo("1.2.0-b1"), "a prerelease in the range itself allows prereleases, as in dbt");
    }

    [Test]
    public void Transitive_requirements_narrow_the_choice()
    {
        var source = UtilsHub();
        source.Hub["calogica/dbt_date"] = new() { ["0.10.0"] = [Hub("dbt-labs/dbt_utils", ">=0.9.0", "<1.1.0") with { RequiredBy = "ignored" }] };
        var resolved = new DependencyResolver(source).Resolve([Hub("calogica/dbt_date", ">=0.10.0"), Hub("dbt-labs/dbt_utils", ">=0.9.0")], new DiagnosticBag());
        Assert.That(resolved.Select(r => (r.Name, r.Version)), Is.EqualTo(new[] { ("dbt_date", "0.10.0"), ("dbt_utils", "1.0.0") }));
    }

    [Test]
    public void A_conflict_names_both_requirers_and_their_ranges()
    {
        var source = UtilsHub();
        source.Hub["calogica/dbt_date"] = new() { ["0.10.0"] = [Hub("dbt-labs/dbt_utils", "<1.0.0")] };
        var error = Assert.Throws<DiagnosticException>(() =>
            new DependencyResolver(source).Resolve([Hub("dbt-labs/dbt_utils", ">=1.1.0"), Hub("calogica/dbt_date", "0.10.0")], new DiagnosticBag()))!.Diagnostic;
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Packages.VersionConflictCode));
        Assert.That(error.Message, Is.EqualTo("no version of dbt-labs/dbt_utils satisfies '>=1.1.0' (required by packages.yml) and '<1.0.0' (required by dbt_date (hub 0.10.0))"));
    }

    [Test]
    public void A_range_no_published_version_meets_lists_the_versions()
    {
        var error = Assert.Throws<DiagnosticException>(() =>
            new DependencyResolver(UtilsHub()).Resolve([Hub("dbt-labs/dbt_utils", ">=3.0.0")], new DiagnosticBag()))!.Diagnostic;
        Assert.That(error.Message, Is.EqualTo("no version of dbt-labs/dbt_utils matches >=3.0.0"));
        Assert.That(error.Detail, Is.EqualTo("installable versions: 0.9.6, 1.0.0, 1.1.1, 2.0.0"));
        Assert.That(error.Hint, Does.Contain("install_prerelease"));
    }

    [Test]
    public void Git_specs_of_one_repository_unify_with_or_without_dot_git()
    {
        var source = new FakeSource();
        source.Other["https://x/repo.git"] = ("repo", [Git("https://x/repo", "v1")]);
        source.Other["https://x/repo"] = ("repo", []);
        var bag = new DiagnosticBag();
        var resolved = new DependencyResolver(source).Resolve([Git("https://x/repo.git", null)], bag);
        Assert.That(resolved.Single().Revision, Is.EqualTo("v1"), "the revision given by the transitive spec pins the unified package");
        Assert.That(resolved.Single().Commit, Is.EqualTo("abc123"));
    }

    [Test]
    public void Two_revisions_of_one_repository_are_a_conflict()
    {
        var source = new FakeSource();
        source.Other["https://x/a"] = ("a", [Git("https://x/repo", "v2")]);
        source.Other["https://x/repo"] = ("repo", []);
        var error = Assert.Throws<DiagnosticException>(() =>
            new DependencyResolver(source).Resolve([Git("https://x/repo", "v1"), Git("https://x/a", "v1")], new DiagnosticBag()))!.Diagnostic;
        Assert.That(error.Message, Is.EqualTo("git package https://x/repo is required at two revisions: 'v1' (required by packages.yml) and 'v2' (required by a (git v1 (abc123)))"));
    }

    [Test]
    public void An_unpinned_git_package_is_a_warning()
    {
        var source = new FakeSource();
        source.Other["https://x/a"] = ("a", []);
        source.Other["https://x/b"] = ("b", []);
        var bag = new DiagnosticBag();
        new DependencyResolver(source).Resolve([Git("https://x/a", null), Git("https://x/b", "main"), Git("https://x/b", "main")], bag);
        Assert.That(bag.ToList().Select(d => (d.Severity, d.Message)), Is.EqualTo(new[]
        {
            (Severity.Warning, "git package https://x/a is not pinned: it installs the default branch"),
            (Severity.Warning, "git package https://x/b is pinned to the \"main\" branch, which can change without warning"),
        }));
    }

    [Test]
    public void Two_packages_with_one_project_name_are_an_error()
    {
        var source = UtilsHub();
        source.Other["https://x/dbt-utils"] = ("dbt_utils", []);
        var error = Assert.Throws<DiagnosticException>(() =>
            new DependencyResolver(source).Resolve([Hub("dbt-labs/dbt_utils", "1.0.0"), Git("https://x/dbt-utils", "v1")], new DiagnosticBag()))!.Diagnostic;
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.Packages.DuplicateProjectNameCode));
    }
}
