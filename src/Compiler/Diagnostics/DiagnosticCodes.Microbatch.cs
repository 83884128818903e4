namespace ModelForge.Compiler.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Microbatch incremental models (dbt 1.9) and their backfill flags (MF6100–MF6129).</summary>
    public static class Microbatch
    {
        public const string EventTimeMissingCode = "MF6100";
        public const string BatchSizeInvalidCode = "MF6101";
        public const string BeginMissingCode = "MF6102";
        public const string BeginInvalidCode = "MF6103";
        public const string LookbackInvalidCode = "MF6104";
        public const string ConcurrentBatchesInvalidCode = "MF6105";
        public const string EventTimeFlagInvalidCode = "MF6106";
        public const string EventTimeRangeEmptyCode = "MF6107";
        public const string EventTimeNotSelectedCode = "MF6108";
        public const string BatchFailedCode = "MF6110";
        public const string YamlSnapshotWithoutRelationCode = "MF6120";

        internal static Diagnostic EventTimeMissing(SourceSpan? span, string model) =>
            Diagnostic.Error(EventTimeMissingCode, $"microbatch model '{model}' has no event_time", span,
                "set event_time to the column that says when each row happened, e.g. {{ config(event_time='ordered_at') }}");

        internal static Diagnostic BatchSizeInvalid(SourceSpan? span, string model, string? value) =>
            Diagnostic.Error(BatchSizeInvalidCode, value is null
                    ? $"microbatch model '{model}' has no batch_size"
                    : $"microbatch model '{model}' has batch_size='{value}', which is not a batch size", span,
                "set batch_size to 'hour', 'day', 'month' or 'year'");

        internal static Diagnostic BeginMissing(SourceSpan? span, string model) =>
            Diagnostic.Error(BeginMissingCode, $"microbatch model '{model}' has no begin", span,
                "set begin to the earliest event time to build from, e.g. begin='2024-01-01'");

        internal static Diagnostic BeginInvalid(SourceSpan? span, string model, string value) =>
            Diagnostic.Error(BeginInvalidCode, $"microbatch model '{model}' has begin='{value}', which is not a date or timestamp", span,
                "write begin as 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS' (UTC)");

        internal static Diagnostic LookbackInvalid(SourceSpan? span, string model, object value) =>
            Diagnostic.Error(LookbackInvalidCode, $"microbatch model '{model}' has lookback={value}, which is not a whole number of batches", span,
                "set lookback to 0 or more: how many batches before the current one each run rebuilds (default 1)");

        internal static Diagnostic ConcurrentBatchesInvalid(SourceSpan? span, string model, object value) =>
            Diagnostic.Error(ConcurrentBatchesInvalidCode, $"microbatch model '{model}' has concurrent_batches={value}, which is not true or false", span,
                "set concurrent_batches to true or false, or leave it out");

        /// <summary>A --event-time-start/--event-time-end value that is not a date or timestamp.</summary>
        internal static Diagnostic EventTimeFlagInvalid(string flag, string value) =>
            Diagnostic.Error(EventTimeFlagInvalidCode, $"{flag} expects a date or timestamp, got '{value}'", null,
                $"e.g. {flag} 2024-01-01 or {flag} '2024-01-01 06:00:00' (UTC)");

        internal static Diagnostic EventTimeRangeEmpty(string start, string end) =>
            Diagnostic.Error(EventTimeRangeEmptyCode, $"--event-time-start ({start}) is not before --event-time-end ({end})", null,
                "give a start earlier than the end: the range is [start, end)");

        /// <summary>Not a microbatch code: the dbt 1.9 YAML snapshot shares this range (issue 17).</summary>
        internal static Diagnostic YamlSnapshotWithoutRelation(SourceSpan span, string snapshot) =>
            Diagnostic.Error(YamlSnapshotWithoutRelationCode, $"snapshot '{snapshot}' is configured in YAML but has no relation", span,
                "add `relation: ref('model')` or `relation: source('src', 'table')` to say what it snapshots, or write a {% snapshot %} block of that name");

        internal static Diagnostic EventTimeNotSelected(SourceSpan? span, string model, string eventTime) =>
            Diagnostic.Error(EventTimeNotSelectedCode, $"microbatch model '{model}' does not select its event_time column '{eventTime}'", span,
                $"select {eventTime} in the model: each batch replaces the rows of the table whose {eventTime} is in its window");

        internal static Diagnostic BatchFailed(SourceSpan? span, string model, int failed, int total, string firstBatch, Diagnostic firstError,
            IEnumerable<string> failedBatches) =>
            Diagnostic.Error(BatchFailedCode, $"{failed} of {total} batches of microbatch model '{model}' failed; batch {firstBatch}: {firstError.Message}",
                firstError.Span ?? span,
                "fix the cause, then `forge retry` re-runs only the failed batches (or rerun them with --event-time-start/--event-time-end); the batches that succeeded are kept",
                $"failed batches: {string.Join(", ", failedBatches)}" + (firstError.Detail is { } detail ? $"\n{detail}" : ""));
    }
}
