namespace ModelForge.Compiler.Diagnostics;

/// <summary>
/// Something the user can fix: a code (MFnnnn), the fact (<see cref="Message"/>), the advice
/// (<see cref="Hint"/>), optional <see cref="Detail"/>, where it is, and the template frames it came through.
/// </summary>
public sealed record Diagnostic(
    string Code,
    Severity Severity,
    string Message,
    SourceSpan? Span = null,
    string? Hint = null,
    string? Detail = null)
{
    /// <summary>Outermost call first. Empty when the error is not inside a macro.</summary>
    public IReadOnlyList<TemplateFrame> Frames { get; init; } = [];

    /// <summary>A file path without a position, for errors about a whole file (e.g. unwritable).</summary>
    public string? FilePath { get; init; }

    public bool IsError => Severity == Severity.Error;

    public static Diagnostic Error(string code, string message, SourceSpan? span = null, string? hint = null, string? detail = null) =>
        new(code, Severity.Error, message, span, hint, detail);

    public static Diagnostic Warning(string code, string message, SourceSpan? span = null, string? hint = null, string? detail = null) =>
        new(code, Severity.Warning, message, span, hint, detail);

    /// <summary>The one-line head: <c>path:line:col: error MF3001: message</c>.</summary>
    public override string ToString()
    {
        var where = Span is { } s ? $"{s}: " : FilePath is { } f ? $"{f}: " : "";
        var kind = Severity == Severity.Error ? "error" : "warning";
        return $"{where}{kind} {Code}: {Message}";
    }
}
