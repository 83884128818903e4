using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Compilation.Microbatch;

/// <summary>
/// A microbatch model's config, checked when the project compiles (dbt checks it at parse time):
/// event_time, batch_size and begin are required; lookback defaults to 1.
/// </summary>
internal sealed record MicrobatchConfig(string EventTime, BatchSize BatchSize, DateTimeOffset Begin, int Lookback, bool? ConcurrentBatches)
{
    public const string Strategy = "microbatch";

    public static bool IsMicrobatch(ProjectNode node) =>
        node.ResourceType == ResourceType.Model && node.Materialized == "incremental"
        && string.Equals(node.Config.IncrementalStrategy?.Trim(), Strategy, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// dbt's auto-detection for concurrent_batches: a model whose own template uses <c>this</c> (it reads
    /// the table its batches write) runs them one after another. Found statically in the model's
    /// <c>{{ }}</c> and <c>{% %}</c> blocks; a string that says "this" counts too, which errs on the safe side.
    /// </summary>
    public static bool ReferencesThis(ProjectNode node)
    {
        if (node.File is not { } file) return false;
        var text = file.Source.Text;
        var at = 0;
        while ((at = text.IndexOf('{', at)) >= 0 && at + 1 < text.Length)
        {
            var close = text[at + 1] switch { '{' => "}}", '%' => "%}", _ => null };
            if (close is null)
            {
                at++;
                continue;
            }
            var end = text.IndexOf(close, at + 2, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            for (var i = at + 2; i + 4 <= end; i++)
            {
                if (string.CompareOrdinal(text, i, "this", 0, 4) == 0 && !IsNamePart(text, i - 1, orDot: true) && !IsNamePart(text, i + 4, orDot: false))
                    return true;
            }
            at = end;
        }
        return false;
    }

    // `x.this` is an attribute, not the variable; `this.schema` is the variable.
    private static bool IsNamePart(string text, int index, bool orDot) =>
        index >= 0 && index < text.Length && (char.IsAsciiLetterOrDigit(text[index]) || text[index] == '_' || (orDot && text[index] == '.'));

    /// <summary>The config, or null with every problem added to <paramref name="diagnostics"/>.</summary>
    public static MicrobatchConfig? Read(ProjectNode node, DiagnosticBag diagnostics)
    {
        var (config, span, name) = (node.Config, node.DefinitionSpan, node.Name);
        var errors = diagnostics.ToList().Count(d => d.IsError);
        var eventTime = config.GetString("event_time");
        if (string.IsNullOrWhiteSpace(eventTime)) diagnostics.Add(DiagnosticCodes.Microbatch.EventTimeMissing(span, name));

        var sizeText = config.GetString("batch_size");
        var size = BatchCalendar.Parse(sizeText);
        if (size is null) diagnostics.Add(DiagnosticCodes.Microbatch.BatchSizeInvalid(span, name, sizeText));

        var beginValue = config.Get("begin");
        var begin = EventTimes.Parse(beginValue);
        if (beginValue is null) diagnostics.Add(DiagnosticCodes.Microbatch.BeginMissing(span, name));
        else if (begin is null) diagnostics.Add(DiagnosticCodes.Microbatch.BeginInvalid(span, name, beginValue.ToString() ?? ""));

        var lookbackValue = config.Get("lookback");
        var lookback = lookbackValue switch
        {
            null => 1,
            int i => i,
            long l when l is >= 0 and <= int.MaxValue => (int)l,
            string s when int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) => p,
            _ => -1,
        };
        if (lookback < 0) diagnostics.Add(DiagnosticCodes.Microbatch.LookbackInvalid(span, name, lookbackValue!));

        var concurrentValue = config.Get("concurrent_batches");
        bool? concurrent = concurrentValue switch
        {
            null => null,
            bool b => b,
            string s when bool.TryParse(s, out var p) => p,
            _ => null,
        };
        if (concurrentValue is not null && concurrent is null) diagnostics.Add(DiagnosticCodes.Microbatch.ConcurrentBatchesInvalid(span, name, concurrentValue));

        if (diagnostics.ToList().Count(d => d.IsError) > errors) return null;
        return new MicrobatchConfig(eventTime!.Trim(), size!.Value, begin!.Value, lookback, concurrent);
    }

    /// <summary>Reports the config problems of every microbatch model of a compiled project.</summary>
    public static void Validate(IEnumerable<ProjectNode> nodes, DiagnosticBag diagnostics)
    {
        foreach (var node in nodes)
            if (IsMicrobatch(node)) Read(node, diagnostics);
    }

    /// <summary>
    /// The batches one run builds, oldest first (dbt's MicrobatchBuilder): from --event-time-start,
    /// else from begin on a first build or full refresh, else from <see cref="Lookback"/> batches
    /// before the one holding <paramref name="now"/>; up to the window boundary at or after
    /// --event-time-end (default now). Empty when the range is.
    /// </summary>
    public IReadOnlyList<MicrobatchWindow> Plan(DateTimeOffset now, bool incremental, DateTimeOffset? eventTimeStart, DateTimeOffset? eventTimeEnd)
    {
        var end = BatchCalendar.Ceiling(eventTimeEnd ?? now, BatchSize);
        DateTimeOffset start;
        if (eventTimeStart is { } from) start = BatchCalendar.Truncate(from, BatchSize);
        else if (!incremental) start = BatchCalendar.Truncate(Begin, BatchSize);
        else
        {
            // A checkpoint exactly on a boundary ends the previous window: look back one more.
            var back = Lookback + (BatchCalendar.Truncate(now, BatchSize) == now ? 1 : 0);
            start = BatchCalendar.Offset(now, BatchSize, -back);
        }
        var batches = new List<MicrobatchWindow>();
        for (var at = start; at < end; at = BatchCalendar.Offset(at, BatchSize, 1))
            batches.Add(new MicrobatchWindow(at, Min(BatchCalendar.Offset(at, BatchSize, 1), end)));
        return batches;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
