using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>
/// The value of a name or attribute that does not exist, as Jinja2's default Undefined: falsy,
/// prints as nothing, iterates as empty, <c>is defined</c> is false and <c>default</c> replaces it;
/// reading its attributes, calling it or computing with it is an error that names
/// <see cref="Name"/> and where it was read (see docs/jinja-compatibility.md).
/// </summary>
public sealed class Undefined(string name, SourceSpan? span, string? owner = null)
{
    /// <summary>The missing name, e.g. <c>foo</c> or the attribute <c>bar</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Where it was read.</summary>
    public SourceSpan? Span { get; } = span;

    /// <summary>For a missing attribute or key: a description of the object it was looked up on.</summary>
    public string? Owner { get; } = owner;

    public override string ToString() => "";
}
