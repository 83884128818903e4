using Microsoft.SqlServer.TransactSql.ScriptDom;
using ModelForge.Compiler.Analysis.Lineage;

namespace ModelForge.Compiler.Analysis.TSql;

// The lineage pass's parser for SQL Server models: ScriptDom's TSql160Parser (SQL Server 2022),
// then LineageQueryReader into the neutral model. Needs no connection.
internal sealed class LineageTSqlParser : IQueryParser
{
    public IReadOnlyList<QueryParseResult> Parse(IReadOnlyList<string> sql)
    {
        var results = new QueryParseResult[sql.Count];
        Parallel.For(0, sql.Count, i => results[i] = ParseOne(sql[i]));
        return results;
    }

    public static QueryParseResult ParseOne(string sql)
    {
        var parser = TSqlParserFactory.Create();
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        if (errors.Count > 0) return QueryParseResult.Failed(errors[0].Message, errors[0].Offset);
        var statements = (fragment as TSqlScript)?.Batches.SelectMany(b => b.Statements).ToList() ?? [];
        if (statements.Count != 1) return QueryParseResult.Other(statements.Count == 0 ? "empty" : $"{statements.Count} statements");
        if (statements[0] is not SelectStatement select || select.Into is not null)
        {
            return QueryParseResult.Other($"a {statements[0].GetType().Name.Replace("Statement", "", StringComparison.Ordinal)} statement");
        }
        return new QueryParseResult(LineageQueryReader.Read(select));
    }
}
