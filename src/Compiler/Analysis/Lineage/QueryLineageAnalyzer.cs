using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.Lineage;

// Walks a neutral query and works out, for every output column, the upstream node columns it is
// computed from. Pure: relations outside the query are looked up in the IRelationCatalog.
internal sealed partial class QueryLineageAnalyzer(IRelationCatalog catalog)
{
    public Shape Analyze(QueryNode query) => Query(query, null, null);

    private Shape Query(QueryNode query, CteEnvironment? env, Scope? outer)
    {
        if (query.Ctes.Count > 0)
        {
            env = new CteEnvironment(env);
            foreach (var cte in query.Ctes)
            {
                // A recursive CTE reads itself in its second branch: let that read see the anchor's columns.
                var anchor = cte.Query is SetQuery set ? Query(set.Left, env, outer)
                    : Shape.Opaque(cte.Name, $"it is a recursive reference to CTE '{cte.Name}'");
                env.Set(cte.Name, WithAliases(anchor, cte.ColumnAliases, cte.Name));
                env.Set(cte.Name, WithAliases(Query(cte.Query, env, outer), cte.ColumnAliases, cte.Name));
            }
        }
        return query switch
        {
            SelectQuery select => Select(select, env, outer),
            SetQuery set => Set(set, env, outer),
            _ => throw new InvalidOperationException($"unknown query node {query.GetType().Name}"),
        };
    }

    private Shape Select(SelectQuery select, CteEnvironment? env, Scope? outer)
    {
        var scope = new Scope(outer);
        if (select.From is { } from) AddFrom(from, scope, env);
        var columns = new List<ShapeColumn>();
        var open = new List<OpenPart>();
        foreach (var item in select.Items)
        {
            if (item.Expression is StarExpression star)
            {
                ExpandStar(star, scope, env, columns, open);
                continue;
            }
            var source = Expression(item.Expression, scope, env, columns);
            columns.Add(new ShapeColumn(item.Name ?? $"column{columns.Count}", source));
        }
        return new Shape(columns, open);
    }

    private Shape Set(SetQuery set, CteEnvironment? env, Scope? outer)
    {
        var left = Query(set.Left, env, outer);
        var right = Query(set.Right, env, outer);
        // EXCEPT returns rows of the left branch only; UNION and INTERSECT values come from both.
        var useRight = set.Operator != SetOperator.Except;
        if (set.ByName) return SetByName(left, right, useRight);

        var columns = new List<ShapeColumn>(left.Columns.Count);
        for (var i = 0; i < left.Columns.Count; i++)
        {
            var source = left.Columns[i].Source;
            if (useRight)
            {
                var other = i < right.Columns.Count ? right.Columns[i].Source
                    : right.IsComplete ? ColumnSource.None
                    : ColumnSource.Missing($"position {i + 1} of a set operation branch comes from select * over {right.Open[0].Relation}, whose columns are unknown");
                source = ColumnSource.Combine([source, other]);
            }
            columns.Add(left.Columns[i] with { Source = source });
        }
        // Past the known columns, positions cannot be matched between branches.
        IReadOnlyList<OpenPart> open = left.IsComplete && (right.IsComplete || !useRight) ? []
            : [new OpenPart(left.IsComplete ? right.Open[0].Relation : left.Open[0].Relation, null,
                "a branch of a set operation selects * from it and its columns are unknown")];
        return new Shape(columns, open);
    }

    private static Shape SetByName(Shape left, Shape right, bool useRight)
    {
        var columns = new List<ShapeColumn>(left.Columns);
        var open = new List<OpenPart>(left.Open);
        if (!useRight) return new Shape(columns, open);
        foreach (var column in right.Columns)
        {
            var at = columns.FindIndex(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase));
            if (at >= 0) columns[at] = columns[at] with { Source = ColumnSource.Combine([columns[at].Source, column.Source]) };
            else columns.Add(column);
        }
        open.AddRange(right.Open);
        return new Shape(columns, open);
    }

    private void AddFrom(FromItem item, Scope scope, CteEnvironment? env)
    {
        switch (item)
        {
            case TableSource table:
                var cte = table.Schema is null && table.Catalog is null ? env?.Find(table.Name) : null;
                var shape = cte ?? catalog.Resolve(table);
                scope.Relations.Add(new ScopeRelation(table.Alias ?? table.Name, WithAliases(shape, table.ColumnAliases, table.Name)));
                break;
            case DerivedSource derived:
                // The scope so far is visible to a LATERAL subquery; for a plain one it holds nothing it could name.
                var inner = Query(derived.Query, env, scope);
                scope.Relations.Add(new ScopeRelation(derived.Alias ?? "(subquery)", WithAliases(inner, derived.ColumnAliases, derived.Alias ?? "subquery")));
                break;
            case ValuesSource values:
                scope.Relations.Add(new ScopeRelation(values.Alias ?? "(values)",
                    new Shape(values.ColumnNames.Select(n => new ShapeColumn(n, ColumnSource.None)).ToList(), [])));
                break;
            case JoinSource join:
                AddFrom(join.Left, scope, env);
                AddFrom(join.Right, scope, env);
                scope.Using.UnionWith(join.UsingColumns);
                break;
            case OpaqueSource opaque:
                scope.Relations.Add(new ScopeRelation(opaque.Alias ?? "(table function)", Shape.Opaque(opaque.Alias ?? "a table function", opaque.Reason)));
                break;
            default:
                throw new InvalidOperationException($"unknown FROM item {item.GetType().Name}");
        }
    }

    // Column aliases rename by position: `name (a, b) as (…)`, `(…) as t (a, b)`.
    private static Shape WithAliases(Shape shape, IReadOnlyList<string> aliases, string relation)
    {
        if (aliases.Count == 0) return shape;
        var columns = new List<ShapeColumn>(Math.Max(aliases.Count, shape.Columns.Count));
        for (var i = 0; i < Math.Max(aliases.Count, shape.Columns.Count); i++)
        {
            if (i >= aliases.Count) columns.Add(shape.Columns[i]);
            else if (i < shape.Columns.Count) columns.Add(new ShapeColumn(aliases[i], shape.Columns[i].Source));
            else if (!shape.IsComplete)
            {
                columns.Add(new ShapeColumn(aliases[i], ColumnSource.Missing(
                    $"column {i + 1} of {relation} comes from select * over {shape.Open[0].Relation}, whose columns are unknown")));
            }
        }
        return new Shape(columns, shape.Open);
    }
}
