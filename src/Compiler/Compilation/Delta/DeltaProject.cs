using ModelForge.Compiler.Context;

namespace ModelForge.Compiler.Compilation.Delta;

/// <summary>
/// What every render of a compile shares (<see cref="ProjectRenderInfo"/>'s inputs), as the last full
/// compile had it: the project's name, vars, target and dispatch settings, the flags, and the macro
/// files in load order (read and parsed again: the invocation memo has proven them unchanged).
/// </summary>
internal sealed class DeltaProject
{
    public required string ProjectName { get; init; }

    /// <summary>The project's folder (absolute): compiled paths are relative to it.</summary>
    public required string ProjectRoot { get; init; }

    /// <summary>The project's target-path as written (compiled paths begin with it).</summary>
    public required string TargetPath { get; init; }

    /// <summary>The project, then each package, in load order.</summary>
    public required IReadOnlyList<string> Packages { get; init; }

    public required IReadOnlyDictionary<string, string> MissingPackages { get; init; }

    /// <summary>(package, the file's name as loaded, its absolute path), in load order.</summary>
    public required IReadOnlyList<DeltaMacroFile> MacroFiles { get; init; }

    public required Dictionary<string, object?> Vars { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> PackageVars { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<string>> DispatchSearchOrder { get; init; }

    public required TargetInfo Target { get; init; }

    public required bool FullRefresh { get; init; }

    public required bool StoreFailures { get; init; }

    public required bool StaticParse { get; init; }

    public required string Command { get; init; }

    /// <summary>A SQL Server profile's <c>sql_server_version</c> (its validator's grammar); null for other targets.</summary>
    public required string? SqlServerVersion { get; init; }
}

/// <summary>A macro file: its package, its name as loaded, its absolute path. A class: generic code over a tuple is compiled at run time.</summary>
internal sealed record DeltaMacroFile(string Package, string Path, string FullPath);
