namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Model contracts and source freshness: YAML shape (MF1700–MF1799), execution (MF5500–MF5599).</summary>
    public static class Contracts
    {
        public const string ContractWithoutColumnsCode = "MF1701";
        public const string ColumnWithoutTypeCode = "MF1702";
        public const string ConstraintWithoutTypeCode = "MF1703";
        public const string UnknownConstraintTypeCode = "MF1704";
        public const string ConstraintMissingFieldCode = "MF1705";
        public const string ConstraintUnknownColumnCode = "MF1706";
        public const string EphemeralWithContractCode = "MF1707";

        public const string ContractMismatchCode = "MF5501";
        public const string ConstraintNotEnforcedCode = "MF5502";
        public const string ConstraintViolatedCode = "MF5503";
        public const string ForeignKeyTargetCode = "MF5504";

        public const string FreshnessQueryFailedCode = "MF5520";
        public const string FreshnessWithoutLoadedAtCode = "MF5521";

        private static readonly string[] ConstraintTypes = ["not_null", "unique", "primary_key", "foreign_key", "check", "custom"];

        internal static Diagnostic ContractWithoutColumns(SourceSpan? span, string model) =>
            Diagnostic.Error(ContractWithoutColumnsCode, $"model '{model}' enforces a contract but declares no columns", span,
                "list every column the model returns under 'columns:' with its 'data_type', or remove `contract: {enforced: true}`");

        internal static Diagnostic ColumnWithoutType(SourceSpan span, string model, string column) =>
            Diagnostic.Error(ColumnWithoutTypeCode, $"column '{column}' of model '{model}' has no data_type, which its enforced contract needs", span,
                "add `data_type: ...` (e.g. integer, varchar, decimal(10,2)) to the column");

        internal static Diagnostic ConstraintWithoutType(SourceSpan span, string model) =>
            Diagnostic.Error(ConstraintWithoutTypeCode, $"a constraint of model '{model}' has no 'type'", span,
                $"write each constraint as a mapping with a type, e.g. `- type: not_null`; types: {string.Join(", ", ConstraintTypes)}");

        internal static Diagnostic UnknownConstraintType(SourceSpan span, string model, string type) =>
            Diagnostic.Error(UnknownConstraintTypeCode, $"unknown constraint type '{type}' in model '{model}'", span,
                (NameSuggester.Nearest(type, ConstraintTypes) is { } near ? $"did you mean '{near}'? " : "") + $"types: {string.Join(", ", ConstraintTypes)}");

        internal static Diagnostic ConstraintMissingField(SourceSpan span, string model, string type, string missing) =>
            Diagnostic.Error(ConstraintMissingFieldCode, $"the {type} constraint of model '{model}' has no {missing}", span,
                type is "check" or "custom" ? "add e.g. `expression: \"amount > 0\"`" : type == "foreign_key"
                    ? "add `to: ref('parent')` and `to_columns: [id]`" : "add `columns: [a, b]` to the model-level constraint");

        internal static Diagnostic ConstraintUnknownColumn(SourceSpan span, string model, string type, string column, IReadOnlyCollection<string> columns) =>
            Diagnostic.Error(ConstraintUnknownColumnCode, $"the {type} constraint of model '{model}' names column '{column}', which is not in its columns", span,
                $"declare the column under 'columns:' or fix the name; columns: {string.Join(", ", columns)}");

        internal static Diagnostic EphemeralWithContract(SourceSpan? span, string model) =>
            Diagnostic.Error(EphemeralWithContractCode, $"model '{model}' is ephemeral and enforces a contract", span,
                "an ephemeral model is inlined as a CTE and has no table to check: materialize it as a view or table, or remove the contract");

        /// <summary>The mismatch table goes in the detail, so the message stays one line.</summary>
        public static Diagnostic ContractMismatch(SourceSpan? span, string model, int count, string table) =>
            Diagnostic.Error(ContractMismatchCode, $"the query of model '{model}' does not match its contract ({count} difference{(count == 1 ? "" : "s")}); nothing was built", span,
                "change the model's SQL or its YAML 'columns:' so names and data types agree (cast in SQL to get the declared type)",
                table);

        public static Diagnostic ConstraintNotEnforced(SourceSpan span, string model, string constraint, string target, string reason) =>
            Diagnostic.Warning(ConstraintNotEnforcedCode, $"model '{model}': constraint {constraint} is not enforced on {target}", span,
                $"{reason}; add a data test to check it, or set `warn_unenforced: false` on the constraint to silence this");

        public static Diagnostic ConstraintViolated(SourceSpan? span, string model, string message, string constraints) =>
            Diagnostic.Error(ConstraintViolatedCode, $"model '{model}' violates its contract: {message}", span,
                "the previous table was left unchanged; fix the rows the model returns or the constraint",
                $"enforced constraints: {constraints}");

        public static Diagnostic FreshnessQueryFailed(SourceSpan span, string source, string message) =>
            Diagnostic.Error(FreshnessQueryFailedCode, $"cannot check the freshness of source '{source}': {message}", span,
                "check that the table exists and that loaded_at_field and filter are valid SQL for the target");

        public static Diagnostic FreshnessWithoutLoadedAt(SourceSpan span, string source) =>
            Diagnostic.Warning(FreshnessWithoutLoadedAtCode, $"source '{source}' has a freshness policy but no loaded_at_field; it is skipped", span,
                "add `loaded_at_field: <timestamp column>` to the source or the table, or `freshness: null` to opt out");
    }
}
