namespace ModelForge.Runner.Memo;

/// <summary>
/// Environment variable reads passed on to a reader set later: a renderer made ahead of the memo's check reads
/// variables only while rendering, by which time the invocation that records them has taken it.
/// </summary>
internal sealed class VariableForward
{
    private Func<string, string?>? _to;

    public void To(Func<string, string?> reader) => _to = reader;

    public string? Read(string name) => (_to ?? throw new InvalidOperationException($"{name} read before the memo took the renderer"))(name);
}
