namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>
/// A named function templates can call, built from a delegate: the easy way for the compiler to
/// expose context functions (<c>new TemplateFunction("ref", args =&gt; …)</c>).
/// </summary>
public sealed class TemplateFunction(string name, Func<CallArguments, object?> body) : ICallable
{
    /// <summary>The name used in error messages.</summary>
    public string Name { get; } = name;

    public object? Call(CallArguments arguments) => body(arguments);

    public override string ToString() => $"<function {Name}>";
}
