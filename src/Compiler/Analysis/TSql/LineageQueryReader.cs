using Microsoft.SqlServer.TransactSql.ScriptDom;
using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.TSql;

// Reads a ScriptDom SELECT into the neutral lineage model: CTEs, query specifications, set
// operations and FROM items here; expressions in LineageQueryReader.Expressions.cs.
internal static partial class LineageQueryReader
{
    public static QueryNode Read(SelectStatement select)
    {
        var query = Query(select.QueryExpression);
        return select.WithCtesAndXmlNamespaces is { } with ? query with { Ctes = Ctes(with.CommonTableExpressions) } : query;
    }

    private static List<Lineage.Syntax.CommonTableExpression> Ctes(IList<Microsoft.SqlServer.TransactSql.ScriptDom.CommonTableExpression> ctes) =>
        ctes.Select(c => new Lineage.Syntax.CommonTableExpression(c.ExpressionName.Value,
            c.Columns.Select(i => i.Value).ToList(), Query(c.QueryExpression))).ToList();

    private static QueryNode Query(QueryExpression query) => query switch
    {
        QuerySpecification spec => new SelectQuery(spec.SelectElements.Select(Item).ToList(), From(spec.FromClause)),
        QueryParenthesisExpression parenthesis => Query(parenthesis.QueryExpression),
        BinaryQueryExpression binary => new SetQuery(binary.BinaryQueryExpressionType switch
        {
            BinaryQueryExpressionType.Except => SetOperator.Except,
            BinaryQueryExpressionType.Intersect => SetOperator.Intersect,
            _ => SetOperator.Union,
        }, Query(binary.FirstQueryExpression), Query(binary.SecondQueryExpression)),
        _ => new SelectQuery([new SelectItem(new OpaqueExpression($"a {query.GetType().Name} is not analysed"), null)], null),
    };

    private static SelectItem Item(SelectElement element) => element switch
    {
        SelectStarExpression star => new SelectItem(new StarExpression(star.Qualifier?.Identifiers[^1].Value), null),
        SelectScalarExpression scalar => new SelectItem(Expression(scalar.Expression),
            scalar.ColumnName?.Value ?? (Unwrap(scalar.Expression) as ColumnReferenceExpression)?.MultiPartIdentifier?.Identifiers[^1].Value),
        _ => new SelectItem(new OpaqueExpression($"a {element.GetType().Name} is not analysed"), null),
    };

    private static FromItem? From(FromClause? from)
    {
        if (from is null || from.TableReferences.Count == 0) return null;
        // `from a, b` is a cross join.
        var item = Table(from.TableReferences[0]);
        for (var i = 1; i < from.TableReferences.Count; i++) item = new JoinSource(item, Table(from.TableReferences[i]));
        return item;
    }

    private static FromItem Table(TableReference table)
    {
        switch (table)
        {
            case NamedTableReference named:
                var name = named.SchemaObject;
                return new TableSource(name.DatabaseIdentifier?.Value, name.SchemaIdentifier?.Value, name.BaseIdentifier.Value, named.Alias?.Value);
            case QueryDerivedTable derived:
                return new DerivedSource(Query(derived.QueryExpression), derived.Alias?.Value)
                {
                    ColumnAliases = derived.Columns.Select(c => c.Value).ToList(),
                };
            case InlineDerivedTable values:
                return new ValuesSource(values.Alias?.Value, values.Columns.Select(c => c.Value).ToList());
            case JoinParenthesisTableReference parenthesis:
                return Table(parenthesis.Join);
            case QualifiedJoin join:
                return new JoinSource(Table(join.FirstTableReference), Table(join.SecondTableReference));
            case UnqualifiedJoin join:
                return new JoinSource(Table(join.FirstTableReference), Table(join.SecondTableReference));
            case TableReferenceWithAlias aliased:
                return new OpaqueSource(aliased.Alias?.Value, $"it is a {Describe(aliased)}, whose columns are not known from the SQL");
            default:
                return new OpaqueSource(null, $"it is a {Describe(table)}, whose columns are not known from the SQL");
        }
    }

    private static string Describe(TSqlFragment fragment) => fragment switch
    {
        SchemaObjectFunctionTableReference function => $"table function {function.SchemaObject.BaseIdentifier.Value}()",
        GlobalFunctionTableReference function => $"table function {function.Name.Value}()",
        VariableTableReference variable => $"table variable {variable.Variable.Name}",
        _ => fragment.GetType().Name,
    };
}
