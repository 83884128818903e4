using System.Collections.Concurrent;
using ModelForge.Compiler.Compilation;

namespace ModelForge.Compiler.Artifacts;

/// <summary>
/// The SQL a command compiled, by node: the manifest then carries <c>compiled_path</c>,
/// <c>compiled: true</c> and <c>compiled_code</c> for those nodes, as dbt's does after compile or run.
/// Filled from worker threads.
/// </summary>
/// <param name="capacity">How many nodes may be added: sized up front, the table never grows (each growth takes every lock while both workers add).</param>
internal sealed class CompiledCode(int capacity = 31)
{
    // UTF-8, as the manifest writes it: at 10,000 models the SQL held until the manifest is tens of megabytes.
    // Values are objects, not tuples: a dictionary of a struct is compiled at run time in a precompiled forge.
    private readonly ConcurrentDictionary<string, Compiled> _byNode =
        new(Environment.ProcessorCount * 4, Math.Max(capacity, 31), StringComparer.Ordinal);

    private sealed record Compiled(string Path, ReadOnlyMemory<byte> Code);

    /// <param name="path">Where the SQL was written, relative to the project (<see cref="NodeCompiler.CompiledPath"/>).</param>
    public void Add(ProjectNode node, string path, string code) => _byNode[node.UniqueId] = new(path, System.Text.Encoding.UTF8.GetBytes(code));

    /// <summary>As <see cref="Add(ProjectNode, string, string)"/>, from the text's UTF-8 <paramref name="bytes"/> when given, else the text; neither: nothing.</summary>
    public void Add(ProjectNode node, string path, string? code, ReadOnlyMemory<byte>? bytes)
    {
        if (bytes is { } utf8) _byNode[node.UniqueId] = new(path, utf8);
        else if (code is not null) Add(node, path, code);
    }

    /// <summary>The path and UTF-8 SQL added for <paramref name="uniqueId"/>, if any.</summary>
    public bool TryGet(string uniqueId, out (string Path, ReadOnlyMemory<byte> Code) compiled)
    {
        var found = _byNode.TryGetValue(uniqueId, out var entry);
        compiled = found ? (entry!.Path, entry.Code) : default;
        return found;
    }
}
