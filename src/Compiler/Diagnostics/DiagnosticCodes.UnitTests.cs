namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Unit tests (dbt 1.8 <c>unit_tests:</c>): YAML, inputs, fixtures and execution (MF6070–MF6099).</summary>
    public static class UnitTests
    {
        public const string MissingKeyCode = "MF6070";
        public const string UnknownModelCode = "MF6071";
        public const string BadInputCode = "MF6072";
        public const string InputNotReadCode = "MF6073";
        public const string InputMissingCode = "MF6074";
        public const string FixtureMissingCode = "MF6075";
        public const string BadCsvCode = "MF6076";
        public const string UnknownFormatCode = "MF6077";
        public const string DuplicateCode = "MF6078";
        public const string RowsAndFixtureCode = "MF6079";
        public const string UnknownColumnCode = "MF6080";
        public const string UnknownExpectedColumnCode = "MF6081";
        public const string UntypedInputCode = "MF6082";
        public const string QueryFailedCode = "MF6083";
        public const string FailedCode = "MF6084";

        internal static Diagnostic MissingKey(SourceSpan span, string test, string key, string example) =>
            Diagnostic.Error(MissingKeyCode, $"unit test '{test}' has no '{key}:'", span, $"add it, e.g. {example}");

        internal static Diagnostic UnknownModel(SourceSpan span, string test, string model, string? nearest) =>
            Diagnostic.Error(UnknownModelCode, $"unit test '{test}' tests model '{model}', which does not exist or is disabled", span,
                nearest is null ? "name a SQL model of this project in 'model:'" : $"did you mean '{nearest}'?");

        internal static Diagnostic BadInput(SourceSpan span, string test, string input) =>
            Diagnostic.Error(BadInputCode, $"unit test '{test}': input '{input}' is not a ref(), source() or this", span,
                "write input: ref('model_name'), ref('model_name', v=2), source('source_name', 'table_name') or this");

        internal static Diagnostic InputNotRead(SourceSpan span, string test, string model, string input, string? nearest) =>
            Diagnostic.Error(InputNotReadCode, $"unit test '{test}' gives input {input}, which model '{model}' does not read", span,
                nearest is null ? $"give only the ref() and source() calls that appear in model '{model}'" : $"did you mean {nearest}?");

        internal static Diagnostic InputMissing(SourceSpan span, string test, string model, string input) =>
            Diagnostic.Error(InputMissingCode, $"unit test '{test}' gives no rows for {input}, which model '{model}' reads", span,
                $"add to 'given:' an entry `- input: {input}` with its rows, or `rows: []` for an empty input");

        internal static Diagnostic FixtureMissing(SourceSpan span, string test, string fixture, string looked) =>
            Diagnostic.Error(FixtureMissingCode, $"unit test '{test}': fixture '{fixture}' not found (looked for {looked})", span,
                "fixture files live under <test-path>/fixtures/ (tests/fixtures/ by default), named <fixture>.csv for format csv or <fixture>.sql for format sql");

        internal static Diagnostic BadCsv(SourceSpan span, string test, string problem, string? hint = null) =>
            Diagnostic.Error(BadCsvCode, $"unit test '{test}': the csv rows cannot be read: {problem}", span,
                hint ?? "csv rows are a header line naming the columns, then one line per row with one value per column");

        internal static Diagnostic UnknownFormat(SourceSpan span, string format) =>
            Diagnostic.Error(UnknownFormatCode, $"unknown unit test format '{format}'", span, "use format: dict (the default), csv or sql");

        internal static Diagnostic Duplicate(SourceSpan span, string test, string model, SourceSpan first) =>
            Diagnostic.Error(DuplicateCode, $"model '{model}' has two unit tests named '{test}' (the first at {first})", span,
                "give each unit test of a model its own name");

        internal static Diagnostic RowsAndFixture(SourceSpan span, string test, bool both) =>
            Diagnostic.Error(RowsAndFixtureCode, both ? $"unit test '{test}': an input has both 'rows:' and 'fixture:'" : $"unit test '{test}': an input has neither 'rows:' nor 'fixture:'",
                span, "give the rows inline under 'rows:' or name a fixture file with 'fixture:', not both");

        internal static Diagnostic UnknownColumn(SourceSpan span, string test, string input, string column, IReadOnlyList<string> columns, string? nearest) =>
            Diagnostic.Error(UnknownColumnCode, $"unit test '{test}': column '{column}' in the rows of {input} is not a column of it", span,
                (nearest is null ? "" : $"did you mean '{nearest}'? ") + $"its columns are: {string.Join(", ", columns)}");

        internal static Diagnostic UnknownExpectedColumn(SourceSpan span, string test, string model, string column, IReadOnlyList<string> columns, string? nearest) =>
            Diagnostic.Error(UnknownExpectedColumnCode, $"unit test '{test}': expected column '{column}' is not returned by model '{model}'", span,
                (nearest is null ? "" : $"did you mean '{nearest}'? ") + $"the model returns: {string.Join(", ", columns)}");

        internal static Diagnostic UntypedInput(SourceSpan span, string test, string input) =>
            Diagnostic.Error(UntypedInputCode, $"unit test '{test}': the columns of {input} are unknown (it is not in the warehouse and declares no column data_type)", span,
                $"declare each column's data_type in the source's YAML, load the table, or write the input with format: sql");

        internal static Diagnostic QueryFailed(SourceSpan span, string test, string message, string compiledPath) =>
            Diagnostic.Error(QueryFailedCode, $"unit test '{test}' failed to run: {message}", span,
                "check the model's SQL against the given rows; the compiled test query shows the rows as CTEs", $"compiled SQL: {compiledPath}");
    }
}
