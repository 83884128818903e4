using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>Every syntax node knows where it came from.</summary>
internal abstract record Node(SourceSpan Span);
