using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary><c>{% call(params) macro(args) %}body{% endcall %}</c>: body is passed as <c>caller</c>.</summary>
internal sealed record CallBlockStatement(CallExpression Call, IReadOnlyList<Parameter> Parameters, IReadOnlyList<Statement> Body, SourceSpan Span) : Statement(Span);
