using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ModelForge.Compiler.Analysis.TSql;

/// <summary>The one place ModelForge calls ScriptDom's parser (T-SQL 2022 unless a grammar is given, quoted identifiers on).</summary>
internal static class TSqlParsing
{
    /// <summary>The parse tree (null when nothing could be parsed) and every syntax error, in text order.</summary>
    public static (TSqlFragment? Fragment, IReadOnlyList<TSqlSyntaxError> Errors) Parse(string sql, TSqlGrammar? grammar = null)
    {
        var parser = TSqlParserFactory.Create(grammar);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        return (fragment, errors.Select(e => new TSqlSyntaxError(e.Offset, e.Line, e.Column, e.Number, e.Message)).ToList());
    }

    /// <summary>Syntax errors of a text that may hold several batches (statements separated by GO are not accepted).</summary>
    public static IReadOnlyList<TSqlSyntaxError> Errors(string sql) => Parse(sql).Errors;
}
