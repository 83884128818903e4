using System.Text.RegularExpressions;
using ModelForge.Runner.Tests.Support;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Artifacts;

/// <summary>
/// `forge compile` copies each unchanged node's entry from the last manifest.json (target/forge_manifest_index.bin
/// says where it is and what it was made of): the file must be, byte for byte, what a compile from an empty
/// target/ writes, whatever changed in between, and entries must be copied only from the file the index describes.
/// </summary>
public sealed partial class ManifestReuseTests
{
    private TempProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new TempProject("reuse")
        .WithProjectFile()
        .WithEnvironment("FORGE_CACHE_TRACE", "1")
        .With("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100.0){% endmacro %}")
        .With("models/a_first.sql", "select 0 as id")
        .With("models/plain.sql", "select 1 as id, 'a \"quoted\" value' as label")
        .With("models/uses_macro.sql", "select {{ cents('amount') }} as dollars from {{ ref('plain') }}")
        .With("models/other.sql", "select 2 as id")
        .With("models/schema.yml", """
            version: 2
            models:
              - name: plain
                description: "The plain model"
                columns:
                  - name: id
                    description: "Its id"
                    tests: [not_null, unique]
              - name: other
                description: "Another"
            """);

    [TearDown]
    public void TearDown() => _project.Dispose();

    // Nodes after the first (a_first, written in place, never copied): 3 models and 2 tests.
    private const int Entries = 5;

    [Test]
    public void A_compile_with_nothing_changed_copies_every_entry()
    {
        Assert.That(Compile(), Is.EqualTo((0, Entries)));

        Assert.That(Compile(), Is.EqualTo((Entries, Entries)));
        Assert.That(Manifest(), Is.EqualTo(ColdManifest()));
    }

    [Test]
    public void An_edited_model_is_written_afresh_and_the_rest_copied()
    {
        Compile();
        _project.With("models/other.sql", "select 3 as id");

        Assert.That(Compile(), Is.EqualTo((Entries - 1, Entries)));
        Assert.That(Manifest(), Does.Contain("select 3 as id"));
        Assert.That(Manifest(), Is.EqualTo(ColdManifest()));
    }

    [Test]
    public void An_edited_macro_rewrites_the_entries_whose_compiled_code_changed()
    {
        Compile();
        _project.With("macros/cents.sql", "{% macro cents(c) %}({{ c }} / 100.00){% endmacro %}");

        Assert.That(Compile(), Is.EqualTo((Entries - 1, Entries)));
        Assert.That(Manifest(), Does.Contain("(amount / 100.00)"));
        Assert.That(Manifest(), Is.EqualTo(ColdManifest()));
    }

    [Test]
    public void An_edited_yaml_description_rewrites_that_entry()
    {
        Compile();
        _project.With("models/schema.yml", _project.Read("models/schema.yml").Replace("\"Another\"", "\"Another one\""));

        Assert.That(Compile(), Is.EqualTo((Entries - 1, Entries)));
        Assert.That(Manifest(), Does.Contain("Another one"));
        Assert.That(Manifest(), Is.EqualTo(ColdManifest()));
    }

    [Test]
    public void A_manifest_written_since_by_something_else_is_not_copied_from()
    {
        Compile();
        File.AppendAllText(ManifestPath, "\n");

        Assert.That(Compile(), Is.EqualTo((0, Entries)));
        Assert.That(Manifest(), Is.EqualTo(ColdManifest()));
    }

    [Test]
    public void A_manifest_changed_behind_the_index_with_its_size_and_time_kept_is_written_afresh()
    {
        Compile();
        var written = File.GetLastWriteTimeUtc(ManifestPath);
        File.WriteAllBytes(ManifestPath, Enumerable.Repeat((byte)' ', (int)new FileInfo(ManifestPath).Length).ToArray());
        File.SetLastWriteTimeUtc(ManifestPath, written);

        Compile();
        Assert.That(Manifest(), Is.EqualTo(ColdManifest()));
    }

    [Test]
    public void A_damaged_index_is_ignored()
    {
        Compile();
        var index = Path.Combine(_project.Root, "target", "forge_manifest_index.bin");
        var bytes = File.ReadAllBytes(index);
        File.WriteAllBytes(index, bytes[..(bytes.Length / 2)]);

        Assert.That(Compile(), Is.EqualTo((0, Entries)));
        Assert.That(Manifest(), Is.EqualTo(ColdManifest()));
    }

    private string ManifestPath => Path.Combine(_project.Root, "target", "manifest.json");

    private (int Copied, int Written) Compile()
    {
        // The invocation memo must not replay instead of compiling.
        if (_project.Exists("target/forge_compile_memo.bin")) _project.Without("target/forge_compile_memo.bin");
        var result = _project.Forge("compile");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var match = CopiedLine().Match(result.Error);
        Assert.That(match.Success, result.ToString());
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }

    private string Manifest() => Volatile(File.ReadAllText(ManifestPath));

    // What a compile from an empty target/ writes now (target/ itself is left as it was).
    private string ColdManifest()
    {
        var target = Path.Combine(_project.Root, "target");
        var aside = target + ".aside";
        Directory.Move(target, aside);
        try
        {
            Compile();
            return Manifest();
        }
        finally
        {
            Directory.Delete(target, recursive: true);
            Directory.Move(aside, target);
        }
    }

    private static string Volatile(string manifest) => VolatileFields().Replace(manifest, "$1: \"-\"");

    [GeneratedRegex("(\"generated_at\"|\"invocation_id\"): \"[^\"]*\"")]
    private static partial Regex VolatileFields();

    [GeneratedRegex(@"manifest: copied (\d+) of (\d+) entries from the last")]
    private static partial Regex CopiedLine();
}
