using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace ModelForge.Compiler.Analysis.TSql;

/// <summary>
/// ScriptDom is referenced as a bare DLL taken from the DacFx package (DESIGN.md), so it is copied
/// next to every program that uses this library but is missing from their .deps.json, and the
/// runtime would not find it. This resolves it from the application folder when asked.
/// </summary>
internal static class ScriptDomLoader
{
    private const string AssemblyName = "Microsoft.SqlServer.TransactSql.ScriptDom";

#pragma warning disable CA2255 // The library must register before any caller touches a ScriptDom type.
    [ModuleInitializer]
#pragma warning restore CA2255
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "A NativeAOT forge has ScriptDom compiled in: the runtime never asks to resolve it.")]
    internal static void Register() => AssemblyLoadContext.Default.Resolving += (context, name) =>
    {
        if (name.Name != AssemblyName) return null;
        var path = Path.Combine(AppContext.BaseDirectory, AssemblyName + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    };
}
