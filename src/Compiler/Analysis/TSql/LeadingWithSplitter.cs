using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ModelForge.Compiler.Analysis.TSql;

/// <summary>
/// T-SQL allows WITH only at the top of a statement, never inside a subquery, so a query that is
/// going to be wrapped (a test's failing-rows count, a limit) gives up its leading WITH clause to
/// the wrapper: <c>with a as (...) select * from a</c> → (<c>with a as (...)</c>, <c>select * from a</c>).
/// </summary>
internal static class LeadingWithSplitter
{
    /// <summary>The leading WITH clause (with any comments before it) and the query after it; ("", query) when there is none or the text does not parse.</summary>
    public static (string With, string Query) Split(string query)
    {
        var (fragment, errors) = TSqlParsing.Parse(query);
        if (errors.Count > 0 || fragment is not TSqlScript { Batches: [{ Statements: [SelectStatement select] }] }) return ("", query);
        if (select.WithCtesAndXmlNamespaces is null || select.QueryExpression is not { } body) return ("", query);
        var cut = body.StartOffset;
        return (query[..cut].TrimEnd(), query[cut..]);
    }
}
