using System.Diagnostics;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Execution;

/// <summary>Times one node's run and makes its result with the fields every executor fills in.</summary>
internal sealed class NodeTimer(ProjectNode node, string? compiledPath, string? relationName)
{
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public NodeResult Result(NodeStatus status, string? message, Diagnostic? diagnostic, string? thread) =>
        new(node.UniqueId, status, _clock.Elapsed)
        {
            Message = message, Diagnostic = diagnostic, StartedAt = _started, CompletedAt = DateTimeOffset.UtcNow,
            CompiledPath = compiledPath, RelationName = relationName, ThreadId = thread,
        };
}
