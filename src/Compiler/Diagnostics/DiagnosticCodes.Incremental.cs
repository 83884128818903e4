namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>
    /// Incremental models, ephemeral models and snapshots: their configs at compile time
    /// (MF3200–MF3299) and their execution (MF5200–MF5399).
    /// </summary>
    public static class Incremental
    {
        public const string SnapshotWithoutBlockCode = "MF3201";
        public const string SnapshotRelationInvalidCode = "MF3202";
        public const string SnapshotConfigMissingCode = "MF3203";
        public const string SnapshotConfigInvalidCode = "MF3204";

        public const string UnknownStrategyCode = "MF5201";
        public const string UniqueKeyRequiredCode = "MF5202";
        public const string UnknownOnSchemaChangeCode = "MF5203";
        public const string SchemaChangedCode = "MF5204";
        public const string DuplicateUniqueKeyCode = "MF5205";
        public const string SnapshotColumnMissingCode = "MF5210";

        internal static readonly string[] Strategies = ["append", "merge", "delete+insert", "microbatch"];
        internal static readonly string[] SchemaChangePolicies = ["ignore", "fail", "append_new_columns", "sync_all_columns"];

        public static Diagnostic UnknownStrategy(SourceSpan? span, string model, string strategy) =>
            Diagnostic.Error(UnknownStrategyCode, $"model '{model}' has incremental_strategy='{strategy}', which forge does not know", span,
                $"use one of {string.Join(", ", Strategies.Select(s => $"'{s}'"))}");

        public static Diagnostic UniqueKeyRequired(SourceSpan? span, string model, string strategy) =>
            Diagnostic.Error(UniqueKeyRequiredCode, $"model '{model}' uses incremental_strategy='{strategy}' without a unique_key", span,
                "set unique_key to the column (or list of columns) that identifies a row, or use incremental_strategy='append'");

        public static Diagnostic UnknownOnSchemaChange(SourceSpan? span, string model, string value) =>
            Diagnostic.Error(UnknownOnSchemaChangeCode, $"model '{model}' has on_schema_change='{value}', which forge does not know", span,
                $"use one of {string.Join(", ", SchemaChangePolicies.Select(s => $"'{s}'"))}");

        public static Diagnostic SchemaChanged(SourceSpan? span, string model, string relation, IReadOnlyList<string> added,
            IReadOnlyList<string> removed, IReadOnlyList<string> retyped)
        {
            var parts = new List<string>();
            if (added.Count > 0) parts.Add($"new in the model: {string.Join(", ", added)}");
            if (removed.Count > 0) parts.Add($"missing from the model: {string.Join(", ", removed)}");
            if (retyped.Count > 0) parts.Add($"type changed: {string.Join(", ", retyped)}");
            return Diagnostic.Error(SchemaChangedCode,
                $"the columns of model '{model}' no longer match {relation} ({string.Join("; ", parts)})", span,
                "on_schema_change='fail' stops here: rebuild with --full-refresh, or set on_schema_change to " +
                "'append_new_columns' or 'sync_all_columns'");
        }

        public static Diagnostic DuplicateUniqueKey(SourceSpan? span, string model, IReadOnlyList<string> uniqueKey, string values, long count) =>
            Diagnostic.Error(DuplicateUniqueKeyCode,
                $"the new rows of model '{model}' are not unique on unique_key ({string.Join(", ", uniqueKey)}): {values} appears {count} times", span,
                "a merge needs one new row per key: de-duplicate the model's rows or fix unique_key; the table was left as it was");

        public static Diagnostic SnapshotWithoutBlock(SourceSpan span) =>
            Diagnostic.Error(SnapshotWithoutBlockCode, "this snapshot file has no {% snapshot %} block", span,
                "wrap the query in {% snapshot name %} … {% endsnapshot %}, or define the snapshot in YAML with `relation:`");

        public static Diagnostic SnapshotRelationInvalid(SourceSpan span, string name, string? relation) =>
            Diagnostic.Error(SnapshotRelationInvalidCode, $"snapshot '{name}' has relation '{relation}', which is not a ref() or source() call", span,
                "write `relation: ref('model')` or `relation: source('source', 'table')`");

        public static Diagnostic SnapshotConfigMissing(SourceSpan? span, string name, string key, string why) =>
            Diagnostic.Error(SnapshotConfigMissingCode, $"snapshot '{name}' has no {key}", span, why);

        public static Diagnostic SnapshotConfigInvalid(SourceSpan? span, string name, string key, string? value, string expected) =>
            Diagnostic.Error(SnapshotConfigInvalidCode, $"snapshot '{name}' has {key}='{value}', which forge does not know", span,
                $"use {expected}");

        public static Diagnostic SnapshotColumnMissing(SourceSpan? span, string name, string column, string relation) =>
            Diagnostic.Error(SnapshotColumnMissingCode, $"{relation} has no column '{column}', which snapshot '{name}' needs", span,
                "the snapshot table was created by another version of this snapshot: rename the meta column back, or drop the table to start a new history");
    }
}
