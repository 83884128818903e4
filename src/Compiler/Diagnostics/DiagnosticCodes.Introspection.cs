namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>
    /// Introspective compile and values read back from the database (MF5800–MF5899): `forge compile`
    /// and `forge docs generate` connect only when a template queries the database.
    /// </summary>
    internal static class Introspection
    {
        public const string ConnectionUnavailableCode = "MF5801";
        public const string NotANumberCode = "MF5802";

        /// <summary>No span: the template call that needed the database supplies it.</summary>
        public static Diagnostic ConnectionUnavailable(string target, string where, string reason, string? profilesPath) =>
            Diagnostic.Error(ConnectionUnavailableCode,
                $"this node queries the database (run_query, statement, adapter.get_columns_in_relation…), and target '{target}' ({where}) cannot be opened: {reason}",
                null,
                $"check the target's connection settings{(profilesPath is null ? "" : $" in {profilesPath}")}, or guard the query with {{% if execute %}} … {{% endif %}}; nodes that do not query still compile");

        public static Diagnostic NotANumber(string what, object value, SourceSpan? span) =>
            Diagnostic.Error(NotANumberCode, $"{what} returned '{value}' ({value.GetType().Name}), which is not a number", span,
                "make the query return a number, e.g. fail_calc: count(*) or sum(...)");
    }
}
