using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Context;

/// <summary>
/// Turns <c>ref()</c> and <c>source()</c> into relations. Implemented by the compiler, which also
/// records the edge; an unknown name is reported by throwing a <see cref="DiagnosticException"/>
/// at <paramref name="call"/> (with suggestions). Called concurrently from parallel renders.
/// </summary>
public interface IRelationResolver
{
    /// <param name="package">The package of the two-argument form <c>ref('pkg', 'model')</c>, else null.</param>
    /// <param name="version">The <c>version=</c>/<c>v=</c> argument, else null.</param>
    /// <param name="node">The node whose render made the call.</param>
    Relation ResolveRef(NodeRenderInfo node, string? package, string name, NodeVersion? version, SourceSpan call);

    Relation ResolveSource(NodeRenderInfo node, string source, string table, SourceSpan call);
}
