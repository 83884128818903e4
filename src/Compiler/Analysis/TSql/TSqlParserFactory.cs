using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ModelForge.Compiler.Analysis.TSql;

/// <summary>Makes ScriptDom parsers for the SQL Server grammar ModelForge validates against.</summary>
internal static class TSqlParserFactory
{
    /// <summary>
    /// A parser for <paramref name="grammar"/> (default: SQL Server 2022's TSql160Parser), quoted
    /// identifiers on. See <see cref="TSqlGrammar.Default"/> for why 2022.
    /// </summary>
    // ScriptDom parsers are not documented as thread-safe; one per call is cheap next to the parse.
    public static TSqlParser Create(TSqlGrammar? grammar = null) => (grammar ?? TSqlGrammar.Default).Create();
}
