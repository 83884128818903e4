namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>
/// dbt's <c>return(value)</c>: unwinds the innermost macro call, which then evaluates to
/// <see cref="Value"/> instead of its rendered text.
/// </summary>
public sealed class MacroReturn(object? value) : Exception("return() outside of a macro")
{
    public object? Value { get; } = value;
}
