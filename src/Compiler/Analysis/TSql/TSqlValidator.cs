using Microsoft.SqlServer.TransactSql.ScriptDom;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Analysis.TSql;

/// <summary>
/// Parses a model with ScriptDom's SQL Server 2019 grammar. Syntax errors, and what is valid T-SQL
/// but rejected inside the view every model is built through (ORDER BY without TOP/OFFSET, columns
/// without a name or with the same name), become diagnostics at the template position that
/// produced the offending SQL.
/// </summary>
internal sealed class TSqlValidator : SqlValidator
{
    public static readonly TSqlValidator Instance = new();

    // After the first few errors, the rest usually follow from them.
    private const int MaxSyntaxErrors = 3;

    public override IReadOnlyList<Diagnostic> Validate(RenderResult rendered, SourceSpan? fallback, string compiledPath)
    {
        var (fragment, errors) = TSqlParsing.Parse(rendered.Text);
        var diagnostics = new List<Diagnostic>();
        foreach (var error in errors.Take(MaxSyntaxErrors))
        {
            diagnostics.Add(DiagnosticCodes.Analysis.TSqlSyntaxError(Map(rendered, error.Offset, fallback), error.Message, compiledPath));
        }
        if (errors.Count > MaxSyntaxErrors)
            diagnostics.Add(DiagnosticCodes.Analysis.TooManySyntaxErrors(fallback, errors.Count - MaxSyntaxErrors));
        if (errors.Count > 0 || fragment is null) return diagnostics;

        var (unnamed, duplicates) = ViewColumnChecker.Check(fragment);
        foreach (var (position, at) in unnamed)
            diagnostics.Add(DiagnosticCodes.Analysis.UnnamedColumn(Map(rendered, at.StartOffset, fallback), position, compiledPath));
        foreach (var (name, at) in duplicates)
            diagnostics.Add(DiagnosticCodes.Analysis.DuplicateColumn(Map(rendered, at.StartOffset, fallback), name, compiledPath));

        var finder = new OrderByFinder();
        fragment.Accept(finder);
        foreach (var orderBy in finder.Unbounded)
        {
            diagnostics.Add(DiagnosticCodes.Analysis.OrderByWithoutTop(Map(rendered, orderBy.StartOffset, fallback), compiledPath));
        }
        return diagnostics;
    }

    private static SourceSpan? Map(RenderResult rendered, int offset, SourceSpan? fallback)
    {
        // An error at the very end (e.g. an unclosed parenthesis) points past the last character.
        var at = Math.Clamp(offset, 0, Math.Max(0, rendered.Text.Length - 1));
        return rendered.Map.Find(at) ?? fallback;
    }
}
