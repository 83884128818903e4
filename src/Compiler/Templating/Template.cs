using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating.Syntax;

namespace ModelForge.Compiler.Templating;

/// <summary>A parsed template: its source, the macros it defines and dbt's special blocks.</summary>
public sealed class Template
{
    public required SourceText Source { get; init; }

    public bool HasErrors { get; init; }

    /// <summary>
    /// Macros defined at top level, by name. <c>{% test x(...) %}</c> blocks appear as <c>test_x</c>
    /// and <c>{% materialization m, adapter='a' %}</c> as <c>materialization_m_a</c>, as in dbt.
    /// </summary>
    public IReadOnlyDictionary<string, Macro> Macros { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, Macro>.Empty;

    /// <summary><c>{% snapshot %}</c> and <c>{% docs %}</c> blocks, in file order.</summary>
    public IReadOnlyList<TemplateBlock> Blocks { get; init; } = [];

    /// <summary>The top-level statements.</summary>
    internal IReadOnlyList<Statement> Body { get; init; } = [];
}
