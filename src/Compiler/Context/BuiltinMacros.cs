using System.Reflection;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Context;

/// <summary>
/// The built-in macros: embedded <c>Targets/Macros/**/*.sql</c> files, one macro per file, named
/// as dbt's global project names them. Parsed once per process.
/// </summary>
internal static class BuiltinMacros
{
    private const string ResourcePrefix = "ModelForge.Macros/";
    private static readonly Lock Gate = new();
    private static IReadOnlyList<Macro>? _macros;

    /// <summary>The embedded files as (path, text), path like <c>builtin/macros/generate_schema_name.sql</c>.</summary>
    public static IEnumerable<(string Path, string Text)> Files()
    {
        var assembly = typeof(BuiltinMacros).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return ("builtin/macros/" + name[ResourcePrefix.Length..].Replace('\\', '/'), reader.ReadToEnd());
        }
    }

    public static IReadOnlyList<Macro> Load(TemplateEngine engine)
    {
        lock (Gate)
        {
            return _macros ??= Parse(engine);
        }
    }

    private static List<Macro> Parse(TemplateEngine engine)
    {
        var macros = new List<Macro>();
        foreach (var (path, text) in Files())
        {
            var diagnostics = new DiagnosticBag();
            var template = engine.Parse(new SourceText(path, text), diagnostics);
            // A broken built-in is our bug, not the user's: fail loudly.
            if (diagnostics.HasErrors) throw new InvalidOperationException($"Built-in macro file {path} does not parse: {diagnostics.ToList()[0]}");
            macros.AddRange(template.Macros.Values);
        }
        return macros;
    }
}
