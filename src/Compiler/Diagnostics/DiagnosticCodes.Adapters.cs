namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Warehouse adapters: profile keys only one warehouse reads (MF1060–MF1069, MF4010–MF4019).</summary>
    internal static class Adapters
    {
        public const string UnknownSqlServerVersionCode = "MF1060";

        internal static Diagnostic UnknownSqlServerVersion(SourceSpan span, string value, string? nearest, IReadOnlyList<string> valid) =>
            Diagnostic.Error(UnknownSqlServerVersionCode, $"unknown sql_server_version '{value}'", span,
                (nearest is null ? "" : $"did you mean '{nearest}'? ")
                + $"set sql_server_version to one of: {string.Join(", ", valid)} (it picks the T-SQL grammar models are checked against; 2022 when not set)");
    }
}
