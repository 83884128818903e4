namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>
    /// Reading and writing files as dbt-duckdb does: external sources, the external
    /// materialization and persist_docs (MF6000–MF6019).
    /// </summary>
    public static class ExternalFiles
    {
        public const string UnknownFormatterCode = "MF6000";
        public const string UnknownPlaceholderCode = "MF6001";
        public const string ExternalNotSupportedCode = "MF6002";
        public const string InvalidFormatCode = "MF6003";
        public const string ExternalWriteFailedCode = "MF6004";

        internal static readonly string[] Formatters = ["newstyle", "oldstyle", "template"];
        internal static readonly string[] Formats = ["parquet", "csv", "json"];

        public static Diagnostic UnknownFormatter(SourceSpan? span, string source, string formatter) =>
            Diagnostic.Error(UnknownFormatterCode, $"source '{source}' has formatter '{formatter}', which is not a known external_location formatter", span,
                "use formatter: newstyle ({name}), oldstyle (%(name)s) or template ($name), as dbt-duckdb does");

        public static Diagnostic UnknownPlaceholder(SourceSpan? span, string source, string placeholder, IEnumerable<string> known) =>
            Diagnostic.Error(UnknownPlaceholderCode, $"the external_location of source '{source}' names '{placeholder}', which the source does not have", span,
                $"use one of {string.Join(", ", known.Select(k => $"'{k}'"))} or a key of the source's meta; write a literal brace as '{{{{' or '}}}}' (newstyle)");

        public static Diagnostic ExternalNotSupported(SourceSpan? span, string model, string targetType) =>
            Diagnostic.Error(ExternalNotSupportedCode, $"model '{model}' has materialized='external', which the {targetType} target cannot build", span,
                "external files are written by DuckDB (dbt-duckdb's external materialization): use 'table' or 'view' on this target, " +
                "or run the model on a DuckDB target");

        public static Diagnostic InvalidFormat(SourceSpan? span, string model, string format) =>
            Diagnostic.Error(InvalidFormatCode, $"model '{model}' has format='{format}', which the external materialization cannot write", span,
                $"use one of {string.Join(", ", Formats.Select(f => $"'{f}'"))}, or leave format out to infer it from the location's extension");

        public static Diagnostic ExternalWriteFailed(SourceSpan? span, string model, string location, string reason) =>
            Diagnostic.Error(ExternalWriteFailedCode, $"model '{model}' could not replace its file {location}: {reason}", span,
                "check that the folder is writable and that no other program holds the file open; the previous file and view are unchanged");
    }
}
