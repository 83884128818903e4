using System.Globalization;

namespace ModelForge.Compiler.UnitTests;

/// <summary>
/// Rows of a dict or csv fixture as text, aligned to <see cref="Columns"/> (first-seen order);
/// null is SQL NULL, and a column a row leaves out is NULL. The SQL that casts them to the upstream's
/// types is built at run time, once the types are known (FixtureSql).
/// </summary>
internal sealed class FixtureRows
{
    internal FixtureRows(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<IReadOnlyList<string?>> Rows { get; }

    internal static FixtureRows FromDicts(IReadOnlyList<IReadOnlyDictionary<string, object?>> dicts)
    {
        var columns = new List<string>();
        foreach (var row in dicts)
        {
            foreach (var key in row.Keys)
            {
                if (!columns.Contains(key, StringComparer.OrdinalIgnoreCase)) columns.Add(key);
            }
        }
        var rows = dicts.Select(row => (IReadOnlyList<string?>)columns.Select(c => Text(Find(row, c))).ToList()).ToList();
        return new FixtureRows(columns, rows);
    }

    private static object? Find(IReadOnlyDictionary<string, object?> row, string column) =>
        row.FirstOrDefault(kv => string.Equals(kv.Key, column, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>A YAML value as the text the cast reads: booleans lower-case, numbers invariant.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        _ => Context.Functions.CompactJson.Serialize(value),
    };
}
