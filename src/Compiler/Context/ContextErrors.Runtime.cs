using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Context;

internal static partial class ContextErrors
{
    public static DiagnosticException ColumnNotString(Column column, SourceSpan span) =>
        Error(DiagnosticCodes.ColumnNotString, F(DiagnosticCodes.ColumnNotStringMessage, column.Name, column.DataType), span,
            DiagnosticCodes.ColumnNotStringHint);

    public static DiagnosticException RelationIncomplete(string function, Relation relation, SourceSpan span) =>
        Error(DiagnosticCodes.RelationIncomplete, F(DiagnosticCodes.RelationIncompleteMessage, function, relation.Render()), span,
            DiagnosticCodes.RelationIncompleteHint);
}
