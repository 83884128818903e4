namespace ModelForge.Compiler.Diagnostics;

// Codes MF6141…MF6149: `forge clone` (issue 17).
public static partial class DiagnosticCodes
{
    internal static class Clone
    {
        public const string NeedsStateCode = "MF6141";
        public const string StateRelationMissingCode = "MF6142";

        internal static Diagnostic NeedsState() =>
            Diagnostic.Error(NeedsStateCode, "forge clone needs --state",
                hint: "pass --state DIR with the manifest.json of the run whose relations to clone, e.g. `forge clone --state prod-artifacts/`");

        internal static Diagnostic StateRelationMissing(SourceSpan? span, string node, string relation) =>
            Diagnostic.Error(StateRelationMissingCode, $"cannot clone '{node}': the state relation {relation} does not exist in the warehouse", span,
                "build it in the state's target first, or leave the node out of the selection (--select/--exclude)");
    }
}
