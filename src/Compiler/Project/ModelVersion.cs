using ModelForge.Compiler.Compilation;

namespace ModelForge.Compiler.Project;

/// <summary>
/// One entry of a model's <c>versions:</c> list: which file defines it, its number, the model's
/// latest version and the config the entry adds to the model's.
/// </summary>
internal sealed record ModelVersion(NodeProperties Model, NodeVersion V, NodeVersion Latest, string FileName, DateTimeOffset? DeprecationDate,
    IReadOnlyDictionary<string, object?> Config, IReadOnlyList<object?>? Columns)
{
    /// <summary>dbt's <c>prerelease</c>/<c>latest</c>/<c>old</c> classification for selectors.</summary>
    public string Kind => V > Latest ? "prerelease" : V == Latest ? "latest" : "old";

    /// <summary>
    /// The version's columns, as dbt derives them: the model's columns narrowed by the version's
    /// <c>include</c> (<c>all</c>, <c>*</c> or names; all when absent) and <c>exclude</c>, then the
    /// version's own column entries, which replace a model column of the same name or add one.
    /// </summary>
    public IReadOnlyList<ColumnProperties> ColumnsOf(IReadOnlyList<ColumnProperties> modelColumns)
    {
        if (Columns is null) return modelColumns;
        IReadOnlySet<string>? include = null;
        var exclude = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var own = new List<ColumnProperties>();
        foreach (var entry in Columns.OfType<IDictionary<string, object?>>())
        {
            if (entry.TryGetValue("include", out var included))
            {
                include = included is string all && all is "all" or "*" ? null : Names(included);
                if (entry.TryGetValue("exclude", out var excluded)) exclude.UnionWith(Names(excluded));
            }
            else if (entry.TryGetValue("name", out var name) && name is string columnName) own.Add(Column(columnName, entry));
        }
        var result = modelColumns
            .Where(c => (include is null || include.Contains(c.Name)) && !exclude.Contains(c.Name))
            .Where(c => !own.Any(o => string.Equals(o.Name, c.Name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        result.AddRange(own);
        return result;
    }

    private static HashSet<string> Names(object? value) => value switch
    {
        string one => new HashSet<string>([one], StringComparer.OrdinalIgnoreCase),
        IEnumerable<object?> many => many.OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase),
        _ => new HashSet<string>(StringComparer.OrdinalIgnoreCase),
    };

    // A version's column entry: the same keys as a model's (its tests stay on the model's YAML entry).
    private ColumnProperties Column(string name, IDictionary<string, object?> entry) => new()
    {
        Name = name,
        Description = entry.TryGetValue("description", out var d) ? d as string : null,
        DataType = entry.TryGetValue("data_type", out var t) ? t as string : null,
        Quote = entry.TryGetValue("quote", out var q) ? q as bool? : null,
        Meta = entry.TryGetValue("meta", out var m) && m is IDictionary<string, object?> meta ? new Dictionary<string, object?>(meta, StringComparer.Ordinal) : Empty.Dictionary,
        Tags = entry.TryGetValue("tags", out var tags) ? tags switch { string one => [one], IEnumerable<object?> list => list.OfType<string>().ToList(), _ => [] } : [],
        Constraints = entry.TryGetValue("constraints", out var c) && c is IList<object?> constraints ? constraints.ToList() : [],
        Raw = new Dictionary<string, object?>(entry, StringComparer.Ordinal),
        Span = Model.Span,
    };
}
