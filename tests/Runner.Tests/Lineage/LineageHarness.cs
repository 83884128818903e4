using NUnit.Framework;
using ModelForge.Compiler.Analysis.Lineage;
using ModelForge.Runner.Analysis;

namespace ModelForge.Runner.Tests.Lineage;

/// <summary>Parses SQL with a dialect's real parser and runs the lineage pass over it.</summary>
internal static class LineageHarness
{
    public static ModelLineage Analyze(Dialect dialect, string sql, FakeRelationCatalog catalog)
    {
        var parsed = Parser(dialect).Parse([sql]).Single();
        Assert.That(parsed.Query, Is.Not.Null, $"parse failed: {parsed.Error ?? parsed.NotAQuery}");
        return ColumnLineageBuilder.ToLineage("model.test.subject", new QueryLineageAnalyzer(catalog).Analyze(parsed.Query!));
    }

    public static IQueryParser Parser(Dialect dialect) => dialect switch
    {
        Dialect.DuckDb => new DuckDbQueryParser(1),
        _ => new ModelForge.Compiler.Analysis.TSql.LineageTSqlParser(),
    };

    /// <summary>"orders.amount direct", sorted: short to assert on.</summary>
    public static string[] Upstream(this ModelLineage lineage, string column)
    {
        var found = lineage.Column(column);
        Assert.That(found, Is.Not.Null, $"no output column '{column}' among {string.Join(", ", lineage.Columns.Select(c => c.Name))}");
        return found!.Upstream
            .Select(o => $"{o.Node.Replace("model.test.", "")}.{o.Column} {(o.Kind == LineageKind.Direct ? "direct" : "transformed")}")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public static string[] Names(this ModelLineage lineage) => lineage.Columns.Select(c => c.Name).ToArray();
}
