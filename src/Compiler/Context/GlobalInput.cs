namespace ModelForge.Compiler.Context;

/// <summary>
/// How the compile cache records a render's read of one global name from one package: the input's
/// key, and its fingerprint when that is the same for every node (a macro, a context function, a
/// package) so that it is made once per invocation. <see cref="PerNode"/> names (<c>this</c>,
/// <c>config</c>…) are described for each render.
/// </summary>
internal sealed class GlobalInput
{
    private GlobalInput(string key, string name, bool perNode, string? fingerprint)
    {
        Key = key;
        Name = name;
        PerNode = perNode;
        Fingerprint = fingerprint;
    }

    public string Key { get; }

    public string Name { get; }

    /// <summary>Whether the fingerprint depends on the node rendered; otherwise <see cref="Fingerprint"/> is it (null: uncacheable).</summary>
    public bool PerNode { get; }

    public string? Fingerprint { get; }

    public static GlobalInput For(ProjectRenderInfo project, string package, string name)
    {
        var key = RenderInputs.Global + package + "|" + name;
        if (RenderInputs.DescribesPerNode(project, name)) return new GlobalInput(key, name, true, null);
        // Any node will do: a name that is not per node reads none of it.
        return new GlobalInput(key, name, false, RenderInputs.DescribeGlobal(project, null, [], RenderPhase.Execute, package, name));
    }
}
