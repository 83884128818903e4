namespace ModelForge.Compiler.Templating.Runtime;

/// <summary>
/// dbt's <c>return(value)</c>. A statement that is just the call (<c>{{ return(x) }}</c>,
/// <c>{% do return(x) %}</c>) inside a macro ends the macro without an exception (the evaluator
/// recognizes this function); anywhere else the call throws <see cref="MacroReturn"/>, as before.
/// </summary>
internal sealed class ReturnFunction : ICallable
{
    public static readonly ReturnFunction Instance = new();

    private ReturnFunction()
    {
    }

    public object? Call(CallArguments arguments) => throw new MacroReturn(arguments.Get(0, "value"));

    public override string ToString() => "<function return>";
}
