using System.Collections;
using System.Globalization;
using System.Text;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Tests.Golden;

namespace ModelForge.Compiler.Tests.Compilation;

/// <summary>
/// What the static parser's tests and the static parse memo's tests compare a compile by: the
/// projects to compile, and each node's config (values with their types), refs, sources and edges as text.
/// </summary>
internal static class StaticParseComparison
{
    /// <summary>The demo (repository root), the fixtures and every corpus case that is a project.</summary>
    public static IEnumerable<string> Projects()
    {
        yield return ".";
        foreach (var root in new[] { "tests/fixtures", "tests/Corpus" })
        {
            foreach (var directory in Directory.EnumerateDirectories(RepositoryRoot.Resolve(root)).Order(StringComparer.Ordinal))
            {
                if (File.Exists(Path.Combine(directory, "forge_project.yml")) || File.Exists(Path.Combine(directory, "dbt_project.yml")))
                    yield return RepositoryRoot.Relative(directory);
            }
        }
    }

    public static string Describe(CompiledProject? compiled)
    {
        if (compiled is null) return "(not compiled)";
        var text = new StringBuilder();
        foreach (var node in compiled.Nodes.Values)
        {
            text.Append(node.UniqueId).Append(' ').Append(Describe(node.Config)).Append('\n');
            foreach (var call in node.Refs) text.Append("  ref ").Append(call.Package).Append('.').Append(call.Name).Append('.').Append(call.Version?.Text).Append(' ').Append(call.Span).Append('\n');
            foreach (var call in node.Sources) text.Append("  source ").Append(call.Source).Append('.').Append(call.Table).Append(' ').Append(call.Span).Append('\n');
            text.Append("  depends on ").AppendJoin(", ", node.DependsOn).Append('\n');
        }
        return text.ToString();
    }

    // Every value with its type, dictionaries in their own order (the manifest writes them so).
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => "string:" + s,
        IEnumerable<KeyValuePair<string, object?>> pairs => "{" + string.Join(", ", pairs.Select(p => $"{p.Key}: {Describe(p.Value)}")) + "}",
        IEnumerable items => value.GetType().Name.Split('`')[0] + "[" + string.Join(", ", items.Cast<object?>().Select(Describe)) + "]",
        IFormattable formattable => value.GetType().Name + ":" + formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().Name + ":" + value,
    };
}
