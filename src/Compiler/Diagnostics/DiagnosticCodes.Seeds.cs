namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Seeds: CSV reading, value conversion, seed config and loading (MF1600–MF1699).</summary>
    public static class Seeds
    {
        public const string EmptyFileCode = "MF1601";
        public const string EmptyHeaderNameCode = "MF1602";
        public const string DuplicateHeaderNameCode = "MF1603";
        public const string RaggedRowCode = "MF1604";
        public const string UnterminatedQuoteCode = "MF1605";
        public const string TextAfterQuoteCode = "MF1606";
        public const string TooManyErrorsCode = "MF1607";
        public const string InvalidValueCode = "MF1610";
        public const string InvalidDelimiterCode = "MF1620";
        public const string InvalidColumnTypesCode = "MF1621";
        public const string UnknownColumnTypesKeyCode = "MF1622";
        public const string HeaderChangedCode = "MF1630";

        internal static Diagnostic EmptyFile(SourceText source) =>
            Diagnostic.Error(EmptyFileCode, "the seed file is empty", new SourceSpan(source, 0, 0),
                "a seed needs a header row naming its columns, e.g. `id,name`, then one line per row");

        internal static Diagnostic EmptyHeaderName(SourceSpan span, int column) =>
            Diagnostic.Error(EmptyHeaderNameCode, $"column {column} of the header has no name", span,
                "give every column a name in the first line; a trailing delimiter at the end of the header adds an unnamed column");

        internal static Diagnostic DuplicateHeaderName(SourceSpan span, string name, SourceSpan first) =>
            Diagnostic.Error(DuplicateHeaderNameCode, $"column '{name}' appears twice in the header (first at {first})", span,
                "rename one of them; column names are compared without regard to case, as the database does");

        internal static Diagnostic RaggedRow(SourceSpan span, int fields, int headerFields, char delimiter) =>
            Diagnostic.Error(RaggedRowCode, $"row has {fields} fields, header has {headerFields}", span,
                $"every row needs one value per header column; put a value that contains '{Printable(delimiter)}' in double quotes");

        internal static Diagnostic UnterminatedQuote(SourceSpan span) =>
            Diagnostic.Error(UnterminatedQuoteCode, "quoted field is never closed", span,
                "close the quote opened here; a quote inside a quoted field is written twice (\"\")");

        internal static Diagnostic TextAfterQuote(SourceSpan span, char delimiter) =>
            Diagnostic.Error(TextAfterQuoteCode, "text after the closing quote of a field", span,
                $"a closing quote must be followed by '{Printable(delimiter)}' or the end of the line; write a quote inside a quoted field twice (\"\")");

        internal static Diagnostic TooManyErrors(string path, int shown) =>
            Diagnostic.Error(TooManyErrorsCode, $"more errors in this seed; only the first {shown} are shown", hint:
                "fix these and run again to see the rest") with { FilePath = path };

        internal static Diagnostic InvalidValue(SourceSpan span, string value, string column, string type, bool declared) =>
            Diagnostic.Error(InvalidValueCode,
                $"'{Shorten(value)}' in column '{column}' (line {span.Line}, column {span.Column}) is not a valid {type}", span,
                declared
                    ? $"fix the value, or change column_types for '{column}' (remove it to let forge infer the type)"
                    : "fix the value in the CSV");

        internal static Diagnostic InvalidDelimiter(string path, string? value) =>
            Diagnostic.Error(InvalidDelimiterCode, $"delimiter '{value}' is not a single character", hint:
                "set +delimiter to one character, e.g. ';' or '|' (a tab is written \"\\t\" in YAML)") with { FilePath = path };

        internal static Diagnostic InvalidColumnTypes(string path, string detail) =>
            Diagnostic.Error(InvalidColumnTypesCode, $"column_types {detail}", hint:
                "write column_types as a mapping from column name to SQL type, e.g. {amount: 'decimal(10,2)', id: bigint}") with { FilePath = path };

        internal static Diagnostic UnknownColumnTypesKey(SourceSpan header, string key, string? nearest) =>
            Diagnostic.Warning(UnknownColumnTypesKeyCode, $"column_types names '{key}', which is not a column of this seed", header,
                nearest is null ? "remove it, or check the header row" : $"did you mean '{nearest}'?");

        internal static Diagnostic HeaderChanged(SourceSpan header, string relation, IReadOnlyList<string> added, IReadOnlyList<string> removed) =>
            Diagnostic.Error(HeaderChangedCode, $"the columns of this seed no longer match table {relation}", header,
                "run forge seed --full-refresh to drop and recreate the table",
                Describe(added, removed));

        private static string Describe(IReadOnlyList<string> added, IReadOnlyList<string> removed)
        {
            var parts = new List<string>();
            if (added.Count > 0) parts.Add("added columns: " + string.Join(", ", added));
            if (removed.Count > 0) parts.Add("removed columns: " + string.Join(", ", removed));
            // Same names in a different order: the appender fills columns by position.
            if (parts.Count == 0) parts.Add("the columns are in a different order");
            return string.Join("; ", parts);
        }

        private static string Printable(char c) => c == '\t' ? "\\t" : c.ToString();

        private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
    }
}
