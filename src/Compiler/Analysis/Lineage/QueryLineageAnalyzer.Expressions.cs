using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.Lineage;

// Expressions, column references and stars.
internal sealed partial class QueryLineageAnalyzer
{
    private ColumnSource Expression(SqlExpression expression, Scope scope, CteEnvironment? env, List<ShapeColumn> selected) =>
        expression switch
        {
            ColumnReference column => Column(column.Parts, scope, selected),
            ComputedExpression computed => computed.Inputs.Count == 0 ? ColumnSource.None
                : ColumnSource.Combine(computed.Inputs.Select(i => Expression(i, scope, env, selected))).Transformed(),
            SubqueryExpression subquery => Subquery(subquery, scope, env, selected),
            OpaqueExpression opaque => ColumnSource.Missing(opaque.Reason),
            // A star inside an expression (count(*), struct_pack(*)): reads rows, passes no column value.
            StarExpression => ColumnSource.None,
            _ => throw new InvalidOperationException($"unknown expression {expression.GetType().Name}"),
        };

    private ColumnSource Subquery(SubqueryExpression subquery, Scope scope, CteEnvironment? env, List<ShapeColumn> selected)
    {
        var shape = Query(subquery.Query, env, scope);
        var value = shape.Columns.Count > 0 ? shape.Columns[0].Source
            : shape.IsComplete ? ColumnSource.None
            : ColumnSource.Missing($"a subquery selects * from {shape.Open[0].Relation}, whose columns are unknown");
        var inputs = subquery.Inputs.Select(i => Expression(i, scope, env, selected));
        return ColumnSource.Combine(inputs.Prepend(value)).Transformed();
    }

    private static ColumnSource Column(IReadOnlyList<string> parts, Scope scope, List<ShapeColumn> selected)
    {
        var name = parts[^1];
        if (parts.Count == 1) return Unqualified(name, scope, selected);

        var qualifier = parts[^2];
        for (var s = scope; s is not null; s = s.Parent)
        {
            if (s.Find(qualifier) is { } relation) return InRelation(name, relation);
        }
        // `a.b` where a is a column: a struct field, computed from the column.
        if (parts.Count == 2 && TryUnqualified(parts[0], scope, selected) is { } structColumn) return structColumn.Transformed();
        return ColumnSource.Missing($"'{string.Join('.', parts)}' names a relation that is not in the FROM clause");
    }

    private static ColumnSource InRelation(string name, ScopeRelation relation)
    {
        if (relation.Shape.Find(name) is { } column) return column.Source;
        return relation.Shape.Open.Count switch
        {
            0 => ColumnSource.Missing($"column '{name}' is not among the known columns of {relation.Name}"),
            1 => relation.Shape.Open[0].Resolve(name),
            _ => Ambiguous(name, relation.Shape.Open.Select(o => o.Relation)),
        };
    }

    private static ColumnSource Unqualified(string name, Scope scope, List<ShapeColumn> selected) =>
        TryUnqualified(name, scope, selected)
        ?? ColumnSource.Missing($"column '{name}' is not among the known columns of {Describe(scope)}");

    private static ColumnSource? TryUnqualified(string name, Scope scope, List<ShapeColumn> selected)
    {
        for (var s = scope; s is not null; s = s.Parent)
        {
            List<ColumnSource>? known = null;
            foreach (var relation in s.Relations)
            {
                if (relation.Shape.Find(name) is { } column) (known ??= []).Add(column.Source);
            }
            // Several matches: columns merged by USING (or SQL the database would reject as ambiguous).
            if (known is not null) return ColumnSource.Combine(known);

            // DuckDB lets a select item use an alias defined earlier in the same list when no
            // FROM column has that name.
            if (s == scope)
            {
                for (var i = selected.Count - 1; i >= 0; i--)
                {
                    if (string.Equals(selected[i].Name, name, StringComparison.OrdinalIgnoreCase)) return selected[i].Source;
                }
            }

            var open = s.Relations.Where(r => !r.Shape.IsComplete).ToList();
            if (open.Count == 1) return InRelation(name, open[0]);
            if (open.Count > 1) return Ambiguous(name, open.Select(r => r.Name));
        }
        return null;
    }

    private static ColumnSource Ambiguous(string name, IEnumerable<string> relations) =>
        ColumnSource.Missing($"column '{name}' may come from any of {string.Join(", ", relations)}, whose columns are unknown");

    private static string Describe(Scope scope) =>
        scope.Relations.Count == 0 ? "the query (it has no FROM clause)" : string.Join(", ", scope.Relations.Select(r => r.Name));

    private void ExpandStar(StarExpression star, Scope scope, CteEnvironment? env, List<ShapeColumn> columns, List<OpenPart> open)
    {
        IEnumerable<ScopeRelation> relations = scope.Relations;
        if (star.Qualifier is { } qualifier)
        {
            if (scope.Find(qualifier) is not { } relation)
            {
                open.Add(new OpenPart(qualifier, null, "it is not in the FROM clause"));
                return;
            }
            relations = [relation];
        }

        var selectedUsing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var before = columns.Count;
        foreach (var relation in relations)
        {
            foreach (var column in relation.Shape.Columns)
            {
                if (Contains(star.Exclude, column.Name)) continue;
                // `select *` over a USING join lists a using column once, fed by both sides.
                if (star.Qualifier is null && scope.Using.Contains(column.Name) && !selectedUsing.Add(column.Name))
                {
                    var at = columns.FindIndex(before, c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase));
                    if (at >= 0) columns[at] = columns[at] with { Source = ColumnSource.Combine([columns[at].Source, column.Source]) };
                    continue;
                }
                var source = column.Source;
                var replacement = star.Replace.FirstOrDefault(r => string.Equals(r.Column, column.Name, StringComparison.OrdinalIgnoreCase));
                if (replacement is not null) source = Expression(replacement.Expression, scope, env, columns);
                var rename = star.Rename.FirstOrDefault(r => string.Equals(r.Column, column.Name, StringComparison.OrdinalIgnoreCase));
                columns.Add(new ShapeColumn(rename?.NewName ?? column.Name, source));
            }
            open.AddRange(relation.Shape.Open);
        }
    }

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (var n in names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
