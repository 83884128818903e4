using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project.SemanticLayer;

/// <summary>A name one semantic-layer entry uses of another (a measure, a metric), with where it is written.</summary>
internal sealed record SemanticReference(string Name, SourceSpan Span);
