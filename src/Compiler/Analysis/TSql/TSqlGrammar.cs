using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ModelForge.Compiler.Analysis.TSql;

/// <summary>
/// One SQL Server grammar ScriptDom can parse, chosen by the profile's <c>sql_server_version</c>.
/// <paramref name="Label"/> is how diagnostics name it ("T-SQL 2022 grammar").
/// </summary>
internal sealed record TSqlGrammar(string Key, string Label, string ParserName, Func<TSqlParser> Create)
{
    /// <summary>
    /// SQL Server 2022 (TSql160Parser): the default, because valid 2022 models (IS DISTINCT FROM,
    /// WINDOW, JSON_OBJECT, GREATEST) must not be rejected and 2022 is the current on-premises release.
    /// </summary>
    public static readonly TSqlGrammar Default = new("2022", "T-SQL 2022 grammar", nameof(TSql160Parser), () => new TSql160Parser(initialQuotedIdentifiers: true));

    /// <summary>Every grammar a profile may name, oldest first. Azure SQL gets ScriptDom's newest parser, since it runs ahead of the boxed releases.</summary>
    public static readonly IReadOnlyList<TSqlGrammar> All =
    [
        new("2016", "T-SQL 2016 grammar", nameof(TSql130Parser), () => new TSql130Parser(initialQuotedIdentifiers: true)),
        new("2017", "T-SQL 2017 grammar", nameof(TSql140Parser), () => new TSql140Parser(initialQuotedIdentifiers: true)),
        new("2019", "T-SQL 2019 grammar", nameof(TSql150Parser), () => new TSql150Parser(initialQuotedIdentifiers: true)),
        Default,
        new("2025", "T-SQL 2025 grammar", nameof(TSql170Parser), () => new TSql170Parser(initialQuotedIdentifiers: true)),
        new("azure", "Azure SQL grammar", nameof(TSql180Parser), () => new TSql180Parser(initialQuotedIdentifiers: true)),
        new("fabric", "Fabric Warehouse grammar", nameof(TSqlFabricDWParser), () => new TSqlFabricDWParser(initialQuotedIdentifiers: true)),
    ];

    /// <summary>The grammar for a <c>sql_server_version</c> value (case-insensitive); null when unknown.</summary>
    public static TSqlGrammar? Find(string key) =>
        All.FirstOrDefault(g => string.Equals(g.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));
}
