using ModelForge.Compiler.Context.Functions;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Context;

/// <summary>
/// What an input a render recorded (<see cref="RenderInputs"/>) reads now: each is looked up again
/// the way the render looked it up, without rendering. The compile cache compares it with the record.
/// </summary>
internal static class InputCheck
{
    private static readonly SourceSpan Nowhere = new(new SourceText("<cache>", ""), 0, 0);

    // Global names whose value is the node's own (its relation, config, phase); every other input reads
    // the same for all nodes of one package, so a check may look it up once per package.
    internal static readonly HashSet<string> NodeGlobals = new(StringComparer.Ordinal) { "this", "schema", "database", "config", "execute" };

    /// <summary>Whether the input recorded as <paramref name="key"/> can read differently for two nodes of the same package.</summary>
    public static bool DependsOnNode(string key) =>
        key == RenderInputs.IncrementalCall
        || key.StartsWith(RenderInputs.Global, StringComparison.Ordinal) && NodeGlobals.Contains(key[(key.IndexOf('|', RenderInputs.Global.Length) + 1)..]);

    /// <summary>The package and name of a global's record (<see cref="RenderInputs.Global"/>); null for another kind of input.</summary>
    public static (string Package, string Name)? GlobalName(string key)
    {
        if (!key.StartsWith(RenderInputs.Global, StringComparison.Ordinal)) return null;
        var bar = key.IndexOf('|', RenderInputs.Global.Length);
        return (key[RenderInputs.Global.Length..bar], key[(bar + 1)..]);
    }

    /// <summary>What the input recorded as <paramref name="key"/> reads now, looked up as the render did; null when it cannot be read.</summary>
    public static string? Current(ProjectRenderInfo project, NodeRenderInfo node, string key)
    {
        var kind = key[..2];
        var rest = key[2..];
        switch (kind)
        {
            case RenderInputs.Global:
            {
                var (package, name) = GlobalName(key)!.Value;
                return RenderInputs.DescribeGlobal(project, node.This, node.Config, node.Phase, package, name);
            }
            case RenderInputs.BoundMacro:
            {
                var bar = rest.IndexOf('|');
                return project.Macros.FindInPackage(rest[..bar], rest[(bar + 1)..]) is { } macro ? project.Macros.Fingerprint(macro) : "none";
            }
            case RenderInputs.Var:
                return VarFunction.Describe(VarFunction.TryFind(project, node.PackageName, rest, out var value), value);
            case RenderInputs.HasVar:
                return VarFunction.TryFind(project, node.PackageName, rest, out _) ? "yes" : "no";
            case RenderInputs.Env:
                return project.Environment(rest) is { } read ? "=" + read : "unset";
            case RenderInputs.Flag:
                return project.Shared.Values["flags"] is Runtime.Namespace flags
                    ? Runtime.RecordedFlags.Describe(flags.TryGetAttribute(rest, out var member), member)
                    : null;
            case RenderInputs.Dispatch:
                return project.DispatchFingerprint;
            case RenderInputs.IncrementalCall:
                try
                {
                    return RenderInputs.DescribeIncremental(ContextFunctions.IsIncremental(project, node));
                }
                catch (DiagnosticException)
                {
                    // The database cannot answer now: the render asks again and reports it.
                    return null;
                }
            case RenderInputs.Ref:
            case RenderInputs.SourceCall:
            {
                var parts = rest.Split('|').Select(p => p == "\u0001" ? null : p).ToArray();
                try
                {
                    var relation = kind == RenderInputs.Ref
                        ? project.Resolver.ResolveRef(node, parts[0], parts[1]!, parts[2] is { } v ? Compilation.NodeVersion.Parse(v) : null, Nowhere)
                        : project.Resolver.ResolveSource(node, parts[0]!, parts[1]!, Nowhere);
                    return ContextFunctions.DescribeRelation(relation);
                }
                catch (DiagnosticException)
                {
                    return null;
                }
            }
            default:
                return null;
        }
    }
}
