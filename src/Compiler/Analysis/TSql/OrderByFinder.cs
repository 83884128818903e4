using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ModelForge.Compiler.Analysis.TSql;

/// <summary>
/// Finds ORDER BY clauses of queries that have neither TOP, OFFSET nor FOR XML/JSON: SQL Server
/// refuses those in views, derived tables, subqueries and CTEs. ORDER BY inside OVER() is not a
/// query's ORDER BY and is not visited here.
/// </summary>
internal sealed class OrderByFinder : TSqlFragmentVisitor
{
    private readonly List<OrderByClause> _unbounded = [];

    public IReadOnlyList<OrderByClause> Unbounded => _unbounded;

    public override void ExplicitVisit(QuerySpecification node)
    {
        if (node.OrderByClause is { } orderBy && node.TopRowFilter is null && node.OffsetClause is null && node.ForClause is null)
            _unbounded.Add(orderBy);
        base.ExplicitVisit(node);
    }

    public override void ExplicitVisit(BinaryQueryExpression node)
    {
        if (node.OrderByClause is { } orderBy && node.OffsetClause is null && node.ForClause is null) _unbounded.Add(orderBy);
        base.ExplicitVisit(node);
    }

    public override void ExplicitVisit(QueryParenthesisExpression node)
    {
        if (node.OrderByClause is { } orderBy && node.OffsetClause is null && node.ForClause is null) _unbounded.Add(orderBy);
        base.ExplicitVisit(node);
    }
}
