namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Warehouse adapters: profile keys only one warehouse reads (MF1060–MF1069, MF4010–MF4019).</summary>
    internal static class Adapters
    {
        public const string UnknownSqlServerVersionCode = "MF1060";
        public const string FabricNotRunnableCode = "MF1061";

        // Fabric Warehouse rejects nvarchar, datetime and 7-digit datetime2 in tables and ALTER TABLE
        // inside a transaction: what forge's seeds, contracts, swaps and snapshots rely on.
        internal static Diagnostic FabricNotRunnable(SourceSpan? span, string target) =>
            Diagnostic.Error(FabricNotRunnableCode, $"target '{target}' is a Fabric Warehouse (sql_server_version: fabric), which forge cannot build in yet", span,
                "`forge compile` checks models against the Fabric grammar; to run them, point the target at SQL Server or Azure SQL (Fabric tables reject nvarchar, datetime and datetime2(7), and ALTER TABLE inside a transaction)");

        internal static Diagnostic UnknownSqlServerVersion(SourceSpan span, string value, string? nearest, IReadOnlyList<string> valid) =>
            Diagnostic.Error(UnknownSqlServerVersionCode, $"unknown sql_server_version '{value}'", span,
                (nearest is null ? "" : $"did you mean '{nearest}'? ")
                + $"set sql_server_version to one of: {string.Join(", ", valid)} (it picks the T-SQL grammar models are checked against; 2022 when not set)");
    }
}
