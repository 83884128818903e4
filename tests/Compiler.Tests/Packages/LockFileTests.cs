using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Packages;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Packages;

public sealed class LockFileTests
{
    [Test]
    public void The_lock_is_written_in_dbts_layout()
    {
        ResolvedPackage[] packages =
        [
            new() { Kind = PackageKind.Hub, Location = "dbt-labs/dbt_utils", Version = "1.1.1", Name = "dbt_utils" },
            new() { Kind = PackageKind.Git, Location = "https://u:tok@x/y.git", UnrenderedLocation = "https://u:{{ env_var('DBT_ENV_SECRET_T') }}@x/y.git", Revision = "v1", Commit = "0123456", Subdirectory = "sub", Name = "y" },
            new() { Kind = PackageKind.Local, Location = "../a", Name = "a" },
        ];
        var text = LockFile.Write(packages, "abc", s => s);
        Assert.That(text, Is.EqualTo("""
            packages:
              - name: dbt_utils
                package: dbt-labs/dbt_utils
                version: 1.1.1
              - git: https://u:{{ env_var('DBT_ENV_SECRET_T') }}@x/y.git
                name: y
                revision: '0123456'
                subdirectory: sub
              - local: ../a
                name: a
            sha1_hash: abc

            """.Replace("\r\n", "\n")));
    }

    [Test]
    public void A_written_lock_reads_back_to_the_same_packages()
    {
        ResolvedPackage[] packages =
        [
            new() { Kind = PackageKind.Hub, Location = "dbt-labs/dbt_utils", Version = "1.2.0-b1", Name = "dbt_utils" },
            new() { Kind = PackageKind.Tarball, Location = "https://e/p.tar.gz", Name = "p" },
        ];
        var bag = new DiagnosticBag();
        var read = LockFile.Read(new SourceText(LockFile.FileName, LockFile.Write(packages, "h1", s => s)), null, bag)!;
        Assert.That(bag.Count, Is.Zero, string.Join("\n", bag.ToList()));
        Assert.That(read.Hash, Is.EqualTo("h1"));
        Assert.That(read.Packages.Select(p => (p.Kind, p.Location, p.Version, p.Name)), Is.EqualTo(new[]
        {
            (PackageKind.Hub, "dbt-labs/dbt_utils", (string?)"1.2.0-b1", "dbt_utils"),
            (PackageKind.Tarball, "https://e/p.tar.gz", null, "p"),
        }));
    }

    [Test]
    public void Add_package_replaces_an_entry_of_the_same_package_from_any_source()
    {
        var document = new Dictionary<string, object?>
        {
            ["packages"] = new List<object?>
            {
                new Dictionary<string, object?> { ["git"] = "https://github.com/dbt-labs/dbt-utils.git", ["revision"] = "1.0.0" },
                new Dictionary<string, object?> { ["package"] = "dbt-labs/dbt_utils_extra", ["version"] = "1.0.0" },
            },
        };
        var (result, removed) = PackageAdder.Add(document, "dbt-labs/dbt_utils", PackageAdder.Entry("dbt-labs/dbt_utils", ">=1.0.0,<2.0.0", "hub"));
        Assert.That(removed.Single()["git"], Is.EqualTo("https://github.com/dbt-labs/dbt-utils.git"));
        Assert.That(YamlEmitter.Dump(result.ToList()), Is.EqualTo("""
            packages:
              - package: dbt-labs/dbt_utils_extra
                version: 1.0.0
              - package: dbt-labs/dbt_utils
                version:
                  - '>=1.0.0'
                  - <2.0.0

            """.Replace("\r\n", "\n")));
    }
}
