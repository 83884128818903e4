using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Syntax;

/// <summary>Something a template does: output text, branch, loop, assign…</summary>
internal abstract record Statement(SourceSpan Span) : Node(Span);
