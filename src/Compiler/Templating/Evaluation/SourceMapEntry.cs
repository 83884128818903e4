using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Templating.Evaluation;

/// <summary>
/// One stretch of output and the template text that produced it. Literal stretches map character
/// for character; others map as a whole to the expression.
/// </summary>
internal readonly record struct SourceMapEntry(int OutputStart, int OutputLength, SourceText Source, int TemplateStart, int TemplateLength, bool Literal);
