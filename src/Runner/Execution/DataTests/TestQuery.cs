using System.Globalization;
using ModelForge.Compiler.Project;
using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Execution.DataTests;

/// <summary>
/// dbt's test wrapper: the test's SELECT returns failing rows; the wrapper counts them once and
/// compares the count with warn_if and error_if in the same query, so a test is one round trip.
/// </summary>
internal static class TestQuery
{
    /// <param name="sql">The test's SELECT (or a select from its stored failures).</param>
    /// <param name="target">Where the test runs: a leading WITH moves above the wrapper where the target cannot nest it (T-SQL).</param>
    public static string Wrap(string sql, NodeConfig config, TargetSql target)
    {
        var failCalc = config.GetString("fail_calc") ?? "count(*)";
        var (with, query) = target.SplitLeadingWith(sql);
        query = config.Get("limit") is { } l and not ""
            ? target.LimitRows(query, Convert.ToInt64(l, CultureInfo.InvariantCulture))
            : target.Nestable(query);
        return (with.Length > 0 ? with + "\n" : "") +
               $"select\n    {failCalc} as failures,\n" +
               $"    case when {failCalc} {WarnIf(config)} then 1 else 0 end as should_warn,\n" +
               $"    case when {failCalc} {ErrorIf(config)} then 1 else 0 end as should_error\n" +
               $"from (\n{query}\n) dbt_internal_test";
    }

    public static string WarnIf(NodeConfig config) => config.GetString("warn_if") ?? "!= 0";

    public static string ErrorIf(NodeConfig config) => config.GetString("error_if") ?? "!= 0";

    /// <summary>
    /// warn_if/error_if go into SQL as written (dbt's behaviour); anything that does not start with a
    /// comparison operator would be a confusing SQL error, so it is rejected first. Null when fine.
    /// </summary>
    public static (string Key, string Value)? InvalidThreshold(NodeConfig config)
    {
        foreach (var (key, value) in new[] { ("warn_if", WarnIf(config)), ("error_if", ErrorIf(config)) })
        {
            var text = value.TrimStart();
            if (text.Length < 2 || text[0] is not ('<' or '>' or '=' or '!')) return (key, value);
            var rest = text.TrimStart('<', '>', '=', '!').Trim();
            if (rest.Length == 0) return (key, value);
        }
        return null;
    }

    /// <summary>limit must be a whole number; null when it is (or is unset).</summary>
    public static string? InvalidLimit(NodeConfig config) => config.Get("limit") switch
    {
        null or "" => null,
        int or long => null,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) => null,
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };
}
