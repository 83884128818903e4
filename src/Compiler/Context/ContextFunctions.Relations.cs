using System.Globalization;
using ModelForge.Compiler.Context.Runtime;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context;

internal static partial class ContextFunctions
{
    private const string RefUsage = "ref('model'), ref('package', 'model') or ref('model', v=2)";
    private const string SourceUsage = "source('source_name', 'table_name')";

    // ref('m'), ref('pkg', 'm'), ref('m', version=2) / v=2.
    private static Relation Ref(RenderState state, CallArguments a)
    {
        string? package = null;
        string name;
        if (a.Positional.Count >= 2)
        {
            package = Args.String(a, 0, "package", "ref", RefUsage);
            name = Args.String(a, 1, "name", "ref", RefUsage);
        }
        else
        {
            name = Args.String(a, 0, "name", "ref", RefUsage);
        }
        var version = Args.OptionalVersion(a, "version", "ref", RefUsage) ?? Args.OptionalVersion(a, "v", "ref", RefUsage);
        var relation = state.Project.Resolver.ResolveRef(state.Node, package, name, version, a.CallSpan);
        state.Node.Inputs?.Record(RenderInputs.KeyOf(RenderInputs.Ref, package, name, version?.Text), relation, DescribeRelation);
        return relation;
    }

    private static Relation Source(RenderState state, CallArguments a)
    {
        var source = Args.String(a, 0, "source_name", "source", SourceUsage);
        var table = Args.String(a, 1, "table_name", "source", SourceUsage);
        var relation = state.Project.Resolver.ResolveSource(state.Node, source, table, a.CallSpan);
        state.Node.Inputs?.Record(RenderInputs.KeyOf(RenderInputs.SourceCall, source, table), relation, DescribeRelation);
        return relation;
    }

    // An ephemeral model is inlined after the render, from its own render: not cacheable here.
    internal static string? DescribeRelation(Relation relation) =>
        relation.Type == RelationType.Cte ? null : ValueFingerprint.OfRelation(relation);
}
