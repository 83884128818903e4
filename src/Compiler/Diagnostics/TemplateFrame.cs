namespace ModelForge.Compiler.Diagnostics;

/// <summary>One step of the template call chain an error passed through: a macro call or an include.</summary>
/// <param name="Description">What was being evaluated, e.g. "macro 'cents_to_dollars'".</param>
/// <param name="Span">Where the call was made.</param>
public sealed record TemplateFrame(string Description, SourceSpan Span);
