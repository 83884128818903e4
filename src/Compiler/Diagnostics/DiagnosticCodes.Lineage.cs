namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Column-level lineage (MF4500–MF4599).</summary>
    public static class Lineage
    {
        public const string UnparsableSqlCode = "MF4501";
        public const string NotAQueryCode = "MF4502";

        internal static Diagnostic UnparsableSql(SourceSpan? span, string model, string parserMessage, string compiledPath) =>
            Diagnostic.Warning(UnparsableSqlCode, $"column lineage of '{model}' is unknown: its compiled SQL does not parse ({parserMessage})",
                span, "fix the SQL (see the compiled file) or check that the model is written for this target's dialect",
                $"compiled SQL: {compiledPath}");

        internal static Diagnostic NotAQuery(SourceSpan? span, string model, string what) =>
            Diagnostic.Warning(NotAQueryCode, $"column lineage of '{model}' is unknown: its compiled SQL is {what}, not a single query",
                span, "a model's SQL should be one SELECT (WITH … SELECT); move other statements to hooks");
    }
}
