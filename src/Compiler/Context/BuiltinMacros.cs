using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Context;

/// <summary>
/// The built-in macros: embedded <c>Targets/Macros/**/*.sql</c> files, one macro per file, named
/// as dbt's global project names them. Files under <c>sqlserver_shims/&lt;namespace&gt;/</c> are not
/// part of the global project: they are the T-SQL shims for dbt packages (<see cref="TsqlShims"/>).
/// Each file is parsed once per process (<see cref="Shared"/>), when its macro is first looked up or
/// when all are asked for (<see cref="Load"/>, <see cref="LoadShims"/>: the full compile's manifest lists them all).
/// </summary>
internal static class BuiltinMacros
{
    private static readonly Lock Gate = new();
    private static BuiltinMacroFiles? _shared;
    private static IReadOnlyList<Macro>? _macros;
    private static IReadOnlyList<(string Namespace, Macro Macro)>? _shims;

    /// <summary>This process's files, listed once.</summary>
    public static BuiltinMacroFiles Shared => LazyInitializer.EnsureInitialized(ref _shared, () => new BuiltinMacroFiles());

    /// <summary>The embedded files as (path, text), path like <c>builtin/macros/generate_schema_name.sql</c>.</summary>
    public static IEnumerable<(string Path, string Text)> Files() => Shared.Files();

    /// <summary>The global project's macros, in file order.</summary>
    public static IReadOnlyList<Macro> Load(TemplateEngine engine)
    {
        lock (Gate)
        {
            return _macros ??= MacrosOf(Shared.All(engine, shims: false));
        }
    }

    /// <summary>The T-SQL shims, each with the macro namespace (package) it shims.</summary>
    public static IReadOnlyList<(string Namespace, Macro Macro)> LoadShims(TemplateEngine engine)
    {
        lock (Gate)
        {
            return _shims ??= ShimsOf(Shared.All(engine, shims: true));
        }
    }

    // Loops rather than List.ConvertAll, whose instantiations over a tuple list are compiled at run time.
    private static List<Macro> MacrosOf(List<(string? Namespace, Macro Macro)> all)
    {
        var macros = new List<Macro>(all.Count);
        for (var i = 0; i < all.Count; i++) macros.Add(all[i].Macro);
        return macros;
    }

    private static List<(string Namespace, Macro Macro)> ShimsOf(List<(string? Namespace, Macro Macro)> all)
    {
        var shims = new List<(string Namespace, Macro Macro)>(all.Count);
        for (var i = 0; i < all.Count; i++) shims.Add((all[i].Namespace!, all[i].Macro));
        return shims;
    }
}
