using ModelForge.Compiler.Compilation;

namespace ModelForge.Compiler.UnitTests;

/// <summary>A unit test in the shape of manifest.json's <c>unit_tests</c> map (dbt 1.8, manifest v12).</summary>
internal static class UnitTestDictionary
{
    public static Dictionary<string, object?> Of(ProjectNode node)
    {
        var unit = node.UnitTest!;
        var definition = unit.Definition;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["model"] = definition.Model,
            ["given"] = definition.Given.Select(Fixture).ToList<object?>(),
            ["expect"] = Fixture(definition.Expect!),
            ["name"] = node.Name,
            ["resource_type"] = "unit_test",
            ["package_name"] = node.PackageName,
            ["path"] = node.Path,
            ["original_file_path"] = node.OriginalFilePath ?? node.Path,
            ["unique_id"] = node.UniqueId,
            ["fqn"] = node.Fqn.ToList<object?>(),
            ["description"] = definition.Description ?? "",
            ["overrides"] = Overrides(definition.Overrides),
            ["depends_on"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["macros"] = new List<object?>(),
                ["nodes"] = node.DependsOn.ToList<object?>(),
            },
            ["config"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["tags"] = node.Config.Tags.ToList<object?>(),
                ["meta"] = node.Config.Meta,
                ["enabled"] = true,
            },
            ["checksum"] = null,
            ["schema"] = null,
            ["created_at"] = 0.0,
            ["versions"] = definition.IncludeVersions is null && definition.ExcludeVersions is null ? null : new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["include"] = definition.IncludeVersions?.ToList(),
                ["exclude"] = definition.ExcludeVersions?.ToList(),
            },
            ["version"] = null,
        };
    }

    private static object? Fixture(UnitTestFixture fixture)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (fixture.Input is { } input) dict["input"] = input;
        dict["rows"] = fixture.Rows is { } rows ? rows.Select(r => (object?)r).ToList() : fixture.Text;
        dict["format"] = fixture.Format.ToString().ToLowerInvariant();
        dict["fixture"] = fixture.Fixture;
        return dict;
    }

    private static object? Overrides(UnitTestOverrides overrides) =>
        overrides.Macros.Count == 0 && overrides.Vars.Count == 0 && overrides.EnvVars.Count == 0 ? null : new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["macros"] = overrides.Macros,
            ["vars"] = overrides.Vars,
            ["env_vars"] = overrides.EnvVars,
        };
}
