using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating;

/// <summary>A dbt block in a file: <c>snapshot</c> or <c>docs</c>, with its name and body.</summary>
/// <param name="Kind">"snapshot" or "docs".</param>
/// <param name="Body">The block's body as a template of its own (its spans point into the file).</param>
public sealed record TemplateBlock(string Kind, string Name, SourceSpan Span, Template Body);
