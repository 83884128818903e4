using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating.Parsing;

/// <summary>The parser's output: the top-level statements plus the top-level macros and dbt blocks found among them.</summary>
internal sealed record ParsedTemplate(
    IReadOnlyList<Statement> Body,
    IReadOnlyList<MacroDefinition> Macros,
    IReadOnlyList<DbtBlockStatement> Blocks,
    bool HasErrors);
