namespace ModelForge.Compiler.Analysis.Lineage;

// Where one value comes from while a query is walked: upstream node columns, plus the reasons
// for any part that could not be followed. Immutable; combining never mutates an operand.
internal sealed class ColumnSource
{
    public static readonly ColumnSource None = new([], []);

    public ColumnSource(IReadOnlyList<ColumnOrigin> origins, IReadOnlyList<string> unresolved)
    {
        Origins = origins;
        Unresolved = unresolved;
    }

    public IReadOnlyList<ColumnOrigin> Origins { get; }

    public IReadOnlyList<string> Unresolved { get; }

    public static ColumnSource Direct(string node, string column) => new([new ColumnOrigin(node, column, LineageKind.Direct)], []);

    public static ColumnSource Missing(string reason) => new([], [reason]);

    // The same origins, every one now transformed.
    public ColumnSource Transformed()
    {
        if (Origins.All(o => o.Kind == LineageKind.Transformed)) return this;
        return new ColumnSource(Merge(Origins.Select(o => o with { Kind = LineageKind.Transformed })), Unresolved);
    }

    // All origins of <paramref name="sources"/>; when one upstream column is reached both directly
    // and transformed (say through two branches of a union), it counts as transformed.
    public static ColumnSource Combine(IEnumerable<ColumnSource> sources)
    {
        List<ColumnOrigin>? origins = null;
        List<string>? unresolved = null;
        var count = 0;
        ColumnSource? single = null;
        foreach (var source in sources)
        {
            count++;
            single = source;
            (origins ??= []).AddRange(source.Origins);
            foreach (var reason in source.Unresolved)
            {
                unresolved ??= [];
                if (!unresolved.Contains(reason)) unresolved.Add(reason);
            }
        }
        if (count == 0) return None;
        if (count == 1) return single!;
        return new ColumnSource(Merge(origins!), unresolved ?? (IReadOnlyList<string>)[]);
    }

    private static List<ColumnOrigin> Merge(IEnumerable<ColumnOrigin> origins)
    {
        var result = new List<ColumnOrigin>();
        foreach (var origin in origins)
        {
            var at = result.FindIndex(o => o.Node == origin.Node && string.Equals(o.Column, origin.Column, StringComparison.OrdinalIgnoreCase));
            if (at < 0) result.Add(origin);
            else if (origin.Kind == LineageKind.Transformed) result[at] = result[at] with { Kind = LineageKind.Transformed };
        }
        return result;
    }
}
