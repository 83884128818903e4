namespace ModelForge.Runner.Cli;

/// <summary>A command-line mistake: one line saying what is wrong and one hint saying what to type instead.</summary>
internal sealed record UsageError(string Code, string Message, string Hint)
{
    // Validators can only hand System.CommandLine a string, so they join message and hint with a
    // newline (Encode) and the checker splits them again (Decode).
    private const char Separator = '\n';

    public static string Encode(string message, string hint) => message + Separator + hint;

    /// <summary>A parser message as one line; the hint is the encoded one, or <paramref name="fallbackHint"/>.</summary>
    public static UsageError Decode(string code, string text, string fallbackHint)
    {
        var lines = text.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var message = lines.Length > 0 ? lines[0].TrimEnd('.') : text;
        var hint = lines.Length == 2 ? lines[1] : fallbackHint;
        return new UsageError(code, message, hint);
    }

    public void Print(TextWriter error)
    {
        error.WriteLine($"error {Code}: {Message}");
        error.WriteLine($"  hint: {Hint}");
    }
}
