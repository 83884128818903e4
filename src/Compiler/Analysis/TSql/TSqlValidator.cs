using Microsoft.SqlServer.TransactSql.ScriptDom;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Analysis.TSql;

/// <summary>
/// Parses a model with ScriptDom's grammar for the profile's SQL Server version (2022 by default). Syntax errors, and what is valid T-SQL
/// but rejected inside the view every model is built through (ORDER BY without TOP/OFFSET, columns
/// without a name or with the same name), become diagnostics at the template position that
/// produced the offending SQL.
/// </summary>
internal sealed class TSqlValidator(TSqlGrammar grammar) : SqlValidator
{
    /// <summary>The validator for SQL Server 2022's grammar, the default.</summary>
    public static readonly TSqlValidator Instance = new(TSqlGrammar.Default);

    // One validator per grammar, shared: validators keep no state between calls.
    private static readonly Dictionary<string, TSqlValidator> ByGrammar =
        TSqlGrammar.All.ToDictionary(g => g.Key, g => g == TSqlGrammar.Default ? Instance : new TSqlValidator(g));

    public TSqlGrammar Grammar { get; } = grammar;

    public static TSqlValidator For(TSqlGrammar grammar) => ByGrammar.TryGetValue(grammar.Key, out var shared) ? shared : new TSqlValidator(grammar);

    // After the first few errors, the rest usually follow from them.
    private const int MaxSyntaxErrors = 3;

    public override IReadOnlyList<Diagnostic> Validate(string sql, Func<int, SourceSpan?> map, SourceSpan? fallback, string compiledPath)
    {
        SourceSpan? Map(int offset) => MapOffset(sql, map, offset, fallback);
        var (fragment, errors) = TSqlParsing.Parse(sql, Grammar);
        var diagnostics = new List<Diagnostic>();
        foreach (var error in errors.Take(MaxSyntaxErrors))
        {
            diagnostics.Add(DiagnosticCodes.Analysis.TSqlSyntaxError(Map(error.Offset), error.Message, compiledPath, Grammar.Label));
        }
        if (errors.Count > MaxSyntaxErrors)
            diagnostics.Add(DiagnosticCodes.Analysis.TooManySyntaxErrors(fallback, errors.Count - MaxSyntaxErrors));
        if (errors.Count > 0 || fragment is null) return diagnostics;

        if (NotASingleSelect(fragment) is { } stray)
        {
            diagnostics.Add(DiagnosticCodes.Analysis.NotASingleSelect(Map(stray.StartOffset), compiledPath));
            return diagnostics;
        }

        var (unnamed, duplicates) = ViewColumnChecker.Check(fragment);
        foreach (var (position, at) in unnamed)
            diagnostics.Add(DiagnosticCodes.Analysis.UnnamedColumn(Map(at.StartOffset), position, compiledPath));
        foreach (var (name, at) in duplicates)
            diagnostics.Add(DiagnosticCodes.Analysis.DuplicateColumn(Map(at.StartOffset), name, compiledPath));

        var finder = new OrderByFinder();
        fragment.Accept(finder);
        foreach (var orderBy in finder.Unbounded)
        {
            diagnostics.Add(DiagnosticCodes.Analysis.OrderByWithoutTop(Map(orderBy.StartOffset), compiledPath));
        }
        return diagnostics;
    }

    /// <summary>The first statement that keeps the text from being one SELECT (null when it is one, or empty).</summary>
    private static TSqlFragment? NotASingleSelect(TSqlFragment fragment)
    {
        if (fragment is not TSqlScript script) return null;
        var statements = script.Batches.SelectMany(b => b.Statements).ToList();
        if (statements.Count == 0) return null;
        if (statements[0] is not SelectStatement { Into: null }) return statements[0];
        return statements.Count > 1 ? statements[1] : null;
    }

    private static SourceSpan? MapOffset(string sql, Func<int, SourceSpan?> map, int offset, SourceSpan? fallback)
    {
        // An error at the very end (e.g. an unclosed parenthesis) points past the last character.
        var at = Math.Clamp(offset, 0, Math.Max(0, sql.Length - 1));
        return map(at) ?? fallback;
    }
}
