using Microsoft.SqlServer.TransactSql.ScriptDom;
using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.TSql;

internal static partial class LineageQueryReader
{
    // Collects the outermost column references and subqueries of an expression: inside a
    // subquery, names belong to the subquery's own FROM, so the walk stops there.
    private sealed class InputCollector : TSqlFragmentVisitor
    {
        public List<SqlExpression> Inputs { get; } = [];

        public override void ExplicitVisit(ColumnReferenceExpression node)
        {
            // count(*) and the like name no column.
            if (node.ColumnType == ColumnType.Regular && node.MultiPartIdentifier is { } name)
            {
                Inputs.Add(new ColumnReference(name.Identifiers.Select(i => i.Value).ToList()));
            }
        }

        public override void ExplicitVisit(ScalarSubquery node) =>
            Inputs.Add(new SubqueryExpression(Query(node.QueryExpression), []));
    }
}
