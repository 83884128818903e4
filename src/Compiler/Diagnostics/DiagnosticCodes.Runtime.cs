namespace ModelForge.Compiler.Diagnostics;

// Codes MF2520…MF2599: dbt's runtime objects as templates use them (api.Column, relations,
// adapter calls on relations). ContextErrors builds the diagnostics.
public static partial class DiagnosticCodes
{
    public const string ColumnNotString = "MF2520";
    internal const string ColumnNotStringMessage = "Called string_size() on non-string column '{0}' ({1})";
    internal const string ColumnNotStringHint = "check column.is_string() before calling column.string_size()";

    public const string RelationIncomplete = "MF2521";
    internal const string RelationIncompleteMessage = "{0}() needs a relation with a schema and an identifier, got '{1}'";
    internal const string RelationIncompleteHint = "build it with api.Relation.create(schema=…, identifier=…)";
}
