using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using NUnit.Framework;

namespace ModelForge.Compiler.Tests.Packages;

public sealed class PackageNodeTests
{
    private PackageProject _project = null!;

    [SetUp]
    public void SetUp() => _project = new PackageProject();

    [TearDown]
    public void TearDown() => _project.Dispose();

    [Test]
    public void A_package_model_is_named_after_its_package()
    {
        _project.Write("models/orders.sql", "select * from {{ ref('util_numbers') }}");
        var compiled = _project.CompileOk();

        var node = compiled.Nodes["model.shop_utils.util_numbers"];
        var dict = NodeDictionary.Of(node);

        Assert.That(node.PackageName, Is.EqualTo("shop_utils"));
        Assert.That(node.Fqn, Is.EqualTo(new[] { "shop_utils", "staging", "util_numbers" }));
        Assert.That(node.Path, Is.EqualTo("dbt_packages/shop_utils/models/staging/util_numbers.sql"));
        Assert.That(dict["original_file_path"], Is.EqualTo("models/staging/util_numbers.sql"));
        Assert.That(node.Description, Is.EqualTo("Numbers from the package."));
        Assert.That(compiled.Nodes["model.shop.orders"].DependsOn, Is.EqualTo(new[] { "model.shop_utils.util_numbers" }));
    }

    [Test]
    public void A_package_seed_and_its_schema_yaml_test_belong_to_the_package()
    {
        var compiled = _project.CompileOk();

        Assert.That(compiled.Nodes["seed.shop_utils.util_codes"].PackageName, Is.EqualTo("shop_utils"));
        var test = compiled.OfType(ResourceType.Test).Single();
        Assert.That(test.PackageName, Is.EqualTo("shop_utils"));
        Assert.That(test.UniqueId, Does.StartWith("test.shop_utils.is_positive_util_numbers_n"));
        Assert.That(test.DependsOn, Is.EqualTo(new[] { "model.shop_utils.util_numbers" }));
    }

    [Test]
    public void Package_models_build_into_the_target_schema()
    {
        var compiled = _project.CompileOk();

        var relation = compiled.Nodes["model.shop_utils.util_numbers"].Relation;
        Assert.That(relation.Schema, Is.EqualTo("main"));
        Assert.That(relation.Identifier, Is.EqualTo("util_numbers"));
    }

    // Same-named models may coexist only where they build different relations (MF1107 otherwise).
    private const string OtherUtilsInItsOwnSchema = "name: other_utils\nmodels:\n  other_utils:\n    +schema: other\n";

    [Test]
    public void Two_packages_may_each_have_a_model_with_one_name()
    {
        _project.Write("dbt_packages/other_utils/dbt_project.yml", OtherUtilsInItsOwnSchema);
        _project.Write("dbt_packages/other_utils/models/util_numbers.sql", "select 2 as n");
        _project.Write("dbt_packages/other_utils/models/reader.sql", "select * from {{ ref('util_numbers') }}");
        _project.WritePackage("models/reader.sql", "select * from {{ ref('other_utils', 'util_numbers') }}");

        var compiled = _project.CompileOk();

        Assert.That(compiled.Nodes["model.other_utils.reader"].DependsOn, Is.EqualTo(new[] { "model.other_utils.util_numbers" }));
        Assert.That(compiled.Nodes["model.shop_utils.reader"].DependsOn, Is.EqualTo(new[] { "model.other_utils.util_numbers" }));
    }

    [Test]
    public void A_ref_from_a_package_finds_the_root_projects_model_first_as_dbt_does()
    {
        _project.Write("models/util_numbers.sql", "{{ config(alias='root_numbers') }} select 3 as n");
        _project.WritePackage("models/reader.sql", "select * from {{ ref('util_numbers') }}");

        var compiled = _project.CompileOk();

        Assert.That(compiled.Nodes["model.shop_utils.reader"].DependsOn, Is.EqualTo(new[] { "model.shop.util_numbers" }));
    }

    [Test]
    public void An_unqualified_ref_matching_models_of_two_other_packages_is_ambiguous()
    {
        _project.Write("dbt_packages/other_utils/dbt_project.yml", OtherUtilsInItsOwnSchema);
        _project.Write("dbt_packages/other_utils/models/util_numbers.sql", "select 2 as n");
        _project.Write("models/orders.sql", "select * from {{ ref('util_numbers') }}");

        var (compiled, diagnostics) = _project.Compile();

        Assert.That(compiled, Is.Null);
        Assert.That(diagnostics.Single(d => d.IsError).Code, Is.EqualTo(DiagnosticCodes.AmbiguousRef));
    }

    [Test]
    public void Manifest_nodes_and_macros_carry_the_package()
    {
        var compiled = _project.CompileOk();
        using var stream = new MemoryStream();
        Artifacts.ManifestWriter.Write(stream, compiled, "inv", DateTimeOffset.UnixEpoch);
        using var json = System.Text.Json.JsonDocument.Parse(stream.ToArray());

        var model = json.RootElement.GetProperty("nodes").GetProperty("model.shop_utils.util_numbers");
        Assert.That(model.GetProperty("package_name").GetString(), Is.EqualTo("shop_utils"));
        var macro = json.RootElement.GetProperty("macros").GetProperty("macro.shop_utils.star");
        Assert.That(macro.GetProperty("package_name").GetString(), Is.EqualTo("shop_utils"));
        Assert.That(json.RootElement.GetProperty("macros").TryGetProperty("macro.shop_utils.test_is_positive", out _), Is.True);
    }
}
