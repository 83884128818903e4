using ModelForge.Compiler.Compilation.Microbatch;
using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Runner.Cli;

/// <summary>Reads --event-time-start / --event-time-end: dates or timestamps in UTC, start before end.</summary>
internal static class EventTimeRange
{
    public static bool TryRead(InvocationOptions options, DiagnosticBag diagnostics, out DateTimeOffset? start, out DateTimeOffset? end)
    {
        start = Read("--event-time-start", options.EventTimeStart, diagnostics);
        end = Read("--event-time-end", options.EventTimeEnd, diagnostics);
        if (diagnostics.HasErrors) return false;
        if (start is { } from && end is { } to && from >= to)
        {
            diagnostics.Add(DiagnosticCodes.Microbatch.EventTimeRangeEmpty(options.EventTimeStart!, options.EventTimeEnd!));
            return false;
        }
        return true;
    }

    private static DateTimeOffset? Read(string flag, string? text, DiagnosticBag diagnostics)
    {
        if (text is null) return null;
        if (EventTimes.Parse(text) is { } time) return time;
        diagnostics.Add(DiagnosticCodes.Microbatch.EventTimeFlagInvalid(flag, text));
        return null;
    }
}
