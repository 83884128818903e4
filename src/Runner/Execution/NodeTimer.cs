using System.Diagnostics;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Execution;

/// <summary>Times one node's run and makes its result with the fields every executor fills in.</summary>
internal sealed class NodeTimer(ProjectNode node, string? compiledPath, string? relationName)
{
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string? _compiledCode;

    /// <summary>Records the SQL the node compiled to (run_results.json's compiled_code); a node that never compiles has none.</summary>
    public void Compiled(string code) => _compiledCode = code;

    public NodeResult Result(NodeStatus status, string? message, Diagnostic? diagnostic, string? thread) =>
        new(node.UniqueId, status, _clock.Elapsed)
        {
            Message = message, Diagnostic = diagnostic, StartedAt = _started, CompletedAt = DateTimeOffset.UtcNow,
            CompiledPath = compiledPath, CompiledCode = _compiledCode, RelationName = relationName, ThreadId = thread,
        };
}
