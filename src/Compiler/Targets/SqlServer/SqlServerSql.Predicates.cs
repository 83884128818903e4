using System.Text.RegularExpressions;

namespace ModelForge.Compiler.Targets.SqlServer;

// dbt's incremental_predicates on SQL Server: extra conditions that keep MERGE and the delete of
// delete+insert from scanning the whole target. Predicates name the target and the batch with
// dbt's aliases, DBT_INTERNAL_DEST and DBT_INTERNAL_SOURCE, which become forge's.
public sealed partial class SqlServerSql
{
    public override string Merge(string target, string source, IReadOnlyList<string> uniqueKey,
        IReadOnlyList<string> insertColumns, IReadOnlyList<string> updateColumns, IReadOnlyList<string> predicates)
    {
        var merge = Merge(target, source, uniqueKey, insertColumns, updateColumns);
        if (predicates.Count == 0) return merge;
        var on = $"ON ({KeyMatch(uniqueKey)})";
        return merge.Replace(on, $"ON ({KeyMatch(uniqueKey)}{Conditions(predicates)})", StringComparison.Ordinal);
    }

    public override string DeleteMatching(string target, string source, IReadOnlyList<string> uniqueKey, IReadOnlyList<string> predicates)
    {
        var delete = DeleteMatching(target, source, uniqueKey);
        if (predicates.Count == 0) return delete;
        return delete + Conditions(predicates).Replace(" AND (", "\n  AND (", StringComparison.Ordinal);
    }

    // " AND (p1) AND (p2)" with dbt's aliases replaced.
    private static string Conditions(IReadOnlyList<string> predicates) =>
        string.Concat(predicates.Where(p => p.Trim().Length > 0).Select(p => $" AND ({Aliased(p.Trim())})"));

    internal static string Aliased(string predicate) =>
        Regex.Replace(Regex.Replace(predicate, @"\bDBT_INTERNAL_DEST\b", TargetAlias, RegexOptions.IgnoreCase),
            @"\bDBT_INTERNAL_SOURCE\b", SourceAlias, RegexOptions.IgnoreCase);
}
