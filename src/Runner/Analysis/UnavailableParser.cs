using ModelForge.Compiler.Analysis.Lineage;

namespace ModelForge.Runner.Analysis;

// A dialect with no parser available: every model's lineage is unresolved with that reason.
internal sealed class UnavailableParser(string reason) : IQueryParser
{
    public string Dialect => $"unavailable: {reason}";

    public IReadOnlyList<QueryParseResult> Parse(IReadOnlyList<string> sql) =>
        sql.Select(_ => QueryParseResult.Failed(reason)).ToList();
}
