using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Packages;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Packages;

public sealed class PackageSpecReaderTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "forge-specs-" + Guid.NewGuid().ToString("N")[..8]));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private PackagesFile? Load(string packages, DiagnosticBag bag, string? dependencies = null)
    {
        File.WriteAllText(Path.Combine(_folder, "packages.yml"), packages);
        if (dependencies is not null) File.WriteAllText(Path.Combine(_folder, "dependencies.yml"), dependencies);
        return PackagesFile.Load(_folder, "", null, "packages.yml", bag);
    }

    [Test]
    public void Every_kind_of_entry_is_read()
    {
        var bag = new DiagnosticBag();
        var file = Load("""
            packages:
              - package: dbt-labs/dbt_utils
                version: [">=1.0.0", "<2.0.0"]
              - package: calogica/dbt_date
                version: ">=0.9.0, <0.11.0"
                install_prerelease: true
              - git: https://github.com/org/repo.git
                revision: v1.0
                subdirectory: pkgs/inner
                warn-unpinned: false
              - local: ../shared
              - tarball: https://example.com/p.tar.gz
                name: p
            """, bag)!;
        Assert.That(bag.Count, Is.Zero, string.Join("\n", bag.ToList()));
        Assert.That(file.Specs.Select(s => s.Kind), Is.EqualTo(new[] { PackageKind.Hub, PackageKind.Hub, PackageKind.Git, PackageKind.Local, PackageKind.Tarball }));
        Assert.That(file.Specs[0].Versions, Is.EqualTo(new[] { ">=1.0.0", "<2.0.0" }));
        Assert.That(file.Specs[1].Versions, Is.EqualTo(new[] { ">=0.9.0", "<0.11.0" }));
        Assert.That(file.Specs[1].InstallPrerelease, Is.True);
        Assert.That((file.Specs[2].Revision, file.Specs[2].Subdirectory, file.Specs[2].WarnUnpinned), Is.EqualTo(("v1.0", "pkgs/inner", false)));
        Assert.That(file.Specs[4].Name, Is.EqualTo("p"));
        Assert.That(file.Specs[0].Span!.Value.Line, Is.EqualTo(2));
    }

    [Test]
    public void The_lock_hash_equals_the_one_dbt_computes()
    {
        // Expected value from Python: sha1 of the sorted json.dumps(spec.to_dict(), sort_keys=True) lines.
        var file = Load("""
            packages:
              - package: dbt-labs/dbt_utils
                version: [">=1.0.0", "<2.0.0"]
              - git: https://github.com/org/repo.git
                revision: 1.0
                warn-unpinned: false
              - local: ../shäred
              - tarball: https://example.com/p.tar.gz
                name: p
            """, new DiagnosticBag())!;
        Assert.That(SpecHasher.Hash(file.Specs), Is.EqualTo("689c1dd0d2e45c6202c954ba844575a4d477d4d1"));
    }

    [Test]
    public void A_hub_package_without_namespace_or_version_is_reported_at_its_line()
    {
        var bag = new DiagnosticBag();
        Load("packages:\n  - package: dbt_utils\n    version: 1.0.0\n  - package: dbt-labs/codegen\n", bag);
        var errors = bag.ToList();
        Assert.That(errors.Select(e => (e.Code, e.Span!.Value.Line, e.Span!.Value.Column)), Is.EqualTo(new[]
        {
            (DiagnosticCodes.Packages.NoNamespaceCode, 2, 14),
            (DiagnosticCodes.Packages.MissingVersionCode, 4, 5),
        }));
    }

    [Test]
    public void A_malformed_version_and_an_unknown_key_point_at_their_values()
    {
        var bag = new DiagnosticBag();
        Load("packages:\n  - package: dbt-labs/dbt_utils\n    version: \"~1.0\"\n  - local: ../x\n    revision: main\n", bag);
        var errors = bag.ToList();
        Assert.That(errors[0].Code, Is.EqualTo(DiagnosticCodes.Packages.InvalidVersionCode));
        Assert.That(errors[0].ToString(), Does.StartWith("packages.yml:3:14: error MF1805: '~1.0' is not a version"));
        Assert.That(errors[1].ToString(), Does.StartWith("packages.yml:5:5: error MF1802: unknown key 'revision' in a local package entry"));
    }

    [Test]
    public void Packages_in_both_files_are_an_error_at_dependencies_yml()
    {
        var bag = new DiagnosticBag();
        var file = Load("packages:\n  - local: ../a\n", bag, "projects:\n  - name: x\npackages:\n  - local: ../b\n");
        Assert.That(file, Is.Null);
        Assert.That(bag.ToList().Single().ToString(), Is.EqualTo("dependencies.yml:3:1: error MF1801: packages are declared in both packages.yml and dependencies.yml"));
    }

    [Test]
    public void Dependencies_yml_is_read_when_it_holds_the_packages()
    {
        var bag = new DiagnosticBag();
        File.WriteAllText(Path.Combine(_folder, "dependencies.yml"), "packages:\n  - local: ../b\n");
        var file = PackagesFile.Load(_folder, "", null, "packages.yml", bag)!;
        Assert.That((file.FileName, file.Specs.Single().Location), Is.EqualTo(("dependencies.yml", "../b")));
    }

    [Test]
    public void An_entry_without_a_source_says_which_keys_start_one()
    {
        var bag = new DiagnosticBag();
        Load("packages:\n  - version: 1.0.0\n", bag);
        var error = bag.ToList().Single();
        Assert.That((error.Code, error.Span!.Value.Line, error.Hint), Is.EqualTo((DiagnosticCodes.Packages.InvalidEntryCode, 2, "start the entry with `package:` (hub), `git:`, `local:` or `tarball:`")));
    }
}
