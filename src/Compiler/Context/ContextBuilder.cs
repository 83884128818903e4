using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Context;

/// <summary>
/// Entry point: the globals for one render of one node. Cheap to call per node; the parts that
/// do not depend on the node are built once per <see cref="ProjectRenderInfo"/>.
/// </summary>
public static class ContextBuilder
{
    /// <summary>The context to pass to <see cref="TemplateEngine.Render"/> for <paramref name="node"/>.</summary>
    public static TemplateContext CreateContext(ProjectRenderInfo project, NodeRenderInfo node) =>
        new RenderState(project, node).GlobalsFor(node.PackageName).Context;

    /// <summary>The globals alone (functions, macros, package namespaces) for <paramref name="node"/>.</summary>
    public static IReadOnlyDictionary<string, object?> Build(ProjectRenderInfo project, NodeRenderInfo node) =>
        CreateContext(project, node).Globals;
}
