namespace ModelForge.Compiler.Analysis.Lineage;

internal sealed partial class LineageCache
{
    // One model's last analysis. Key hashes the SQL and every lookup's answer; Lineage is null when
    // the SQL did not parse (Error) or was not a single query (NotAQuery), which depend on the SQL alone.
    public sealed record Entry(string SqlHash, string Key, Lookup[] Lookups, ModelLineage? Lineage, string? Error, string? NotAQuery);
}
