using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ModelForge.Compiler.Analysis.TSql;

/// <summary>
/// Every model becomes a view on SQL Server, and a view needs a distinct name for each column: an
/// expression without an alias (<c>count(*)</c>) or two columns called <c>id</c> fail at CREATE VIEW.
/// Checks the outermost select list (the first branch of a UNION names the columns); <c>*</c> is
/// not expanded.
/// </summary>
internal static class ViewColumnChecker
{
    /// <summary>Unnamed expressions (by 1-based position) and repeated names, each with the fragment to point at.</summary>
    public static (List<(int Position, TSqlFragment At)> Unnamed, List<(string Name, TSqlFragment At)> Duplicates) Check(TSqlFragment fragment)
    {
        var unnamed = new List<(int, TSqlFragment)>();
        var duplicates = new List<(string, TSqlFragment)>();
        if (fragment is not TSqlScript { Batches: [{ Statements: [SelectStatement { Into: null } select] }] }) return (unnamed, duplicates);
        if (Outermost(select.QueryExpression) is not { } query) return (unnamed, duplicates);

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < query.SelectElements.Count; i++)
        {
            if (query.SelectElements[i] is not SelectScalarExpression scalar) continue;
            var name = scalar.ColumnName?.Value ?? (scalar.Expression as ColumnReferenceExpression)?.MultiPartIdentifier?.Identifiers.LastOrDefault()?.Value;
            if (name is null)
            {
                // A column reference of `*` kind or a variable never reaches here; anything else needs an alias.
                unnamed.Add((i + 1, scalar));
            }
            else if (!seen.Add(name))
            {
                duplicates.Add((name, scalar));
            }
        }
        return (unnamed, duplicates);
    }

    private static QuerySpecification? Outermost(QueryExpression? query) => query switch
    {
        QuerySpecification spec => spec,
        QueryParenthesisExpression parenthesis => Outermost(parenthesis.QueryExpression),
        BinaryQueryExpression binary => Outermost(binary.FirstQueryExpression),
        _ => null,
    };
}
