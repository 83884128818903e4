using System.Security.Cryptography;
using System.Text;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Context;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.State;

/// <summary>
/// Which macros a node can call, found statically: every identifier in the node's template (and,
/// transitively, in the bodies of the macros it names) that names a macro, plus the dispatch
/// implementations <c>default__x</c> / <c>{adapter}__x</c> of a named <c>x</c>. It over-approximates
/// (a column named like a macro counts), which for state:modified errs on the side of rebuilding.
/// </summary>
public static class MacroDependencies
{
    /// <summary>Manifest unique ids (<c>macro.package.name</c>) of the macros <paramref name="node"/> may call.</summary>
    public static IReadOnlyList<string> Of(CompiledProject project, ProjectNode node)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Text, string Package)>();
        if (node.File is { } file) pending.Push((file.Source.Text, node.PackageName));
        var adapter = project.Project.Target.Type;
        void Visit(string name, string package)
        {
            if (project.Macros.Find(name, package) is not { } hit) return;
            var id = $"macro.{hit.Package}.{name}";
            if (found.Add(id)) pending.Push((BodyOf(hit.Macro), hit.Package));
        }
        if (node.Test is { } test) Visit($"test_{test.TestName}", test.Namespace ?? node.PackageName);
        while (pending.Count > 0)
        {
            var (text, package) = pending.Pop();
            foreach (var word in Identifiers(text))
            {
                Visit(word, package);
                Visit($"default__{word}", package);
                Visit($"{adapter}__{word}", package);
            }
        }
        return found.ToList();
    }

    /// <summary>sha256 of the macro's text from <c>{% macro</c> to its <c>endmacro</c>.</summary>
    public static string Checksum(Macro macro) => Checksum(BodyOf(macro));

    /// <summary>sha256 of a macro's text as manifest.json writes it in <c>macro_sql</c>.</summary>
    public static string Checksum(string macroSql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(macroSql)));

    internal static string BodyOf(Macro macro)
    {
        var text = macro.Span.Source.Text;
        var start = Math.Clamp(macro.Span.Start, 0, text.Length);
        var end = text.IndexOf("endmacro", start, StringComparison.Ordinal);
        if (end < 0) return text[start..];
        var close = text.IndexOf("%}", end, StringComparison.Ordinal);
        return text[start..(close < 0 ? text.Length : close + 2)];
    }

    private static IEnumerable<string> Identifiers(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsAsciiLetter(text[i]) || text[i] == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                yield return text[start..i];
            }
            else i++;
        }
    }
}
