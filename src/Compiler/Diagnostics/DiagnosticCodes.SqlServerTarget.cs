namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Building models on SQL Server (MF4600–MF4649).</summary>
    public static class SqlServerTarget
    {
        public const string NumericWithoutPrecisionCode = "MF4600";

        /// <summary>
        /// dbt warns about a contract numeric without precision and scale (its default may round);
        /// forge says which type it creates instead of narrowing silently.
        /// </summary>
        public static Diagnostic NumericWithoutPrecision(SourceSpan span, string model, string column, string declared, string created) =>
            Diagnostic.Warning(NumericWithoutPrecisionCode,
                $"model '{model}': contract column '{column}' has data_type '{declared}' without precision and scale; it is created as '{created}'",
                span,
                created == declared
                    ? "a bare numeric type may round values (SQL Server: decimal(18,0), DuckDB: decimal(18,3)); write the precision and scale, e.g. numeric(12,2)"
                    : "the precision and scale come from the model's query; write them in the contract, e.g. numeric(12,2), to pin them");
    }
}
