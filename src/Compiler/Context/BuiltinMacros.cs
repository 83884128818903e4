using System.Reflection;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Context;

/// <summary>
/// The built-in macros: embedded <c>Targets/Macros/**/*.sql</c> files, one macro per file, named
/// as dbt's global project names them. Parsed once per process. Files under
/// <c>sqlserver_shims/&lt;namespace&gt;/</c> are not part of the global project: they are the T-SQL
/// shims for dbt packages (<see cref="TsqlShims"/>), loaded by <see cref="LoadShims"/>.
/// </summary>
internal static class BuiltinMacros
{
    private const string ResourcePrefix = "ModelForge.Macros/";
    private static readonly Lock Gate = new();
    private static IReadOnlyList<Macro>? _macros;
    private static IReadOnlyList<(string Namespace, Macro Macro)>? _shims;
    private const string ShimPathPrefix = "builtin/macros/" + TsqlShims.Folder + "/";

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
            return _macros ??= Parse(engine, shims: false).Select(m => m.Macro).ToList();
        }
    }

    /// <summary>The T-SQL shims, each with the macro namespace (package) it shims.</summary>
    public static IReadOnlyList<(string Namespace, Macro Macro)> LoadShims(TemplateEngine engine)
    {
        lock (Gate)
        {
            return _shims ??= Parse(engine, shims: true);
        }
    }

    private static List<(string Namespace, Macro Macro)> Parse(TemplateEngine engine, bool shims)
    {
        var files = new List<(string Path, string Text)>();
        foreach (var file in Files())
        {
            if (file.Path.StartsWith(ShimPathPrefix, StringComparison.Ordinal) == shims) files.Add(file);
        }
        // ~180 files, parsed on every core (a compile after one edit waits for them), then taken in file order.
        var templates = new Template[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var diagnostics = new DiagnosticBag();
            templates[i] = engine.Parse(new SourceText(files[i].Path, files[i].Text), diagnostics);
            // A broken built-in is our bug, not the user's: fail loudly.
            if (diagnostics.HasErrors) throw new InvalidOperationException($"Built-in macro file {files[i].Path} does not parse: {diagnostics.ToList()[0]}");
        });
        var macros = new List<(string, Macro)>();
        for (var i = 0; i < files.Count; i++)
        {
            var path = files[i].Path;
            var ns = shims ? path[ShimPathPrefix.Length..path.IndexOf('/', ShimPathPrefix.Length)] : MacroRegistry.BuiltinPackage;
            foreach (var macro in templates[i].Macros.Values) macros.Add((ns, macro));
        }
        return macros;
    }
}
