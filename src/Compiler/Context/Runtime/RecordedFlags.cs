using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Context.Runtime;

/// <summary>
/// <c>flags</c> as one render sees it: each member read is recorded for the compile cache on its
/// own (<see cref="RenderInputs.Flag"/>). Recording the whole namespace tied every test that asks
/// <c>flags.STORE_FAILURES</c> to <c>flags.WHICH</c>, so `forge docs generate` and `forge compile`
/// rendered each other's 3,000 not_null tests again at 10,000 models.
/// </summary>
internal sealed class RecordedFlags(Namespace flags, RenderInputs inputs) : ITemplateObject
{
    public bool TryGetAttribute(string name, out object? value)
    {
        var found = flags.TryGetAttribute(name, out value);
        inputs.Record(RenderInputs.KeyOf(RenderInputs.Flag, name), (found, value), static read => Describe(read.found, read.value));
        return found;
    }

    /// <summary>How a member read is recorded, by the render and by the cache's check alike.</summary>
    public static string? Describe(bool found, object? value) => found ? ValueFingerprint.Of(value) : "absent";

    public override string ToString() => flags.ToString();
}
