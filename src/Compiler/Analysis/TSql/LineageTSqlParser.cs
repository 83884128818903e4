using Microsoft.SqlServer.TransactSql.ScriptDom;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Compiler.Compilation;

namespace ModelForge.Compiler.Analysis.TSql;

// The lineage pass's parser for SQL Server models: ScriptDom with the profile's grammar (default
// TSql160Parser, SQL Server 2022), then LineageQueryReader into the neutral model. Needs no connection.
internal sealed class LineageTSqlParser(TSqlGrammar? grammar = null) : IQueryParser
{
    public TSqlGrammar Grammar { get; } = grammar ?? TSqlGrammar.Default;

    public string Dialect => $"tsql {Grammar.Key}";

    public IReadOnlyList<QueryParseResult> Parse(IReadOnlyList<string> sql)
    {
        var results = new QueryParseResult[sql.Count];
        ParallelLoop.For(sql.Count, i => results[i] = ParseOne(sql[i], Grammar));
        return results;
    }

    public static QueryParseResult ParseOne(string sql, TSqlGrammar? grammar = null)
    {
        var parser = TSqlParserFactory.Create(grammar);
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
