using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;
using ModelForge.Compiler.Templating.Runtime;

namespace ModelForge.Compiler.Tests.Context;

/// <summary>A macro whose body is a delegate, standing in for a parsed one until the engine exists.</summary>
internal sealed class FakeMacro(string name, Func<TemplateContext, CallArguments, object?> body) : Macro
{
    private static readonly SourceText Source = new("macros/fake.sql", "{% macro x() %}{% endmacro %}");

    public FakeMacro(string name, string output) : this(name, (_, _) => output)
    {
    }

    public override string Name { get; } = name;

    public override IReadOnlyList<string> Parameters { get; } = [];

    public override SourceSpan Span => new(Source, 0, 15);

    public List<TemplateContext> BoundTo { get; } = [];

    public override ICallable Bind(TemplateContext context)
    {
        BoundTo.Add(context);
        return new Bound(context, body);
    }

    private sealed class Bound(TemplateContext context, Func<TemplateContext, CallArguments, object?> body) : ICallable
    {
        public object? Call(CallArguments arguments) => body(context, arguments);
    }
}
