using Microsoft.SqlServer.TransactSql.ScriptDom;
using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.TSql;

// Expressions: a bare column reference (in parentheses or not) passes its value through; any
// other expression computes from the columns and subqueries found inside it.
internal static partial class LineageQueryReader
{
    private static SqlExpression Expression(ScalarExpression expression)
    {
        var bare = Unwrap(expression);
        if (bare is ColumnReferenceExpression { ColumnType: ColumnType.Regular } column)
        {
            return new ColumnReference(column.MultiPartIdentifier.Identifiers.Select(i => i.Value).ToList());
        }
        if (bare is ScalarSubquery subquery) return new SubqueryExpression(Query(subquery.QueryExpression), []);
        var collector = new InputCollector();
        bare.Accept(collector);
        return new ComputedExpression(collector.Inputs);
    }

    private static ScalarExpression Unwrap(ScalarExpression expression)
    {
        while (expression is ParenthesisExpression parenthesis) expression = parenthesis.Expression;
        return expression;
    }
}
