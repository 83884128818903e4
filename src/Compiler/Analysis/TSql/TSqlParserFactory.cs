using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ModelForge.Compiler.Analysis.TSql;

/// <summary>Makes ScriptDom parsers for the SQL Server grammar ModelForge validates against.</summary>
internal static class TSqlParserFactory
{
    /// <summary>
    /// SQL Server 2022's grammar (TSql160Parser), quoted identifiers on. 2022 is the default because
    /// valid 2022 models (IS DISTINCT FROM, WINDOW, JSON_OBJECT, GREATEST) must not be rejected.
    /// </summary>
    // ScriptDom parsers are not documented as thread-safe; one per call is cheap next to the parse.
    public static TSqlParser Create() => new TSql160Parser(initialQuotedIdentifiers: true);
}
