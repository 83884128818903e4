using System.Text;

namespace ModelForge.Runner.Memo;

/// <summary>
/// Passes everything to the real writer and keeps a copy, in the order written across stdout and
/// stderr (both share one <see cref="Log"/>), so a replay prints exactly what the compile printed.
/// </summary>
internal sealed class CapturingWriter(TextWriter inner, bool isError, List<PrintedText> log) : TextWriter
{
    /// <summary>The writer underneath <paramref name="writer"/>, for diagnostics output a replay must not repeat (traces).</summary>
    public static TextWriter Uncaptured(TextWriter writer) => writer is CapturingWriter capturing ? capturing.Inner : writer;

    private TextWriter Inner => inner;

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value) => Keep(value.ToString());

    public override void Write(string? value)
    {
        if (value is not null) Keep(value);
    }

    public override void Write(char[] buffer, int index, int count) => Keep(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Keep(new string(buffer));

    public override void WriteLine() => Keep(inner.NewLine);

    public override void WriteLine(string? value) => Keep((value ?? "") + inner.NewLine);

    public override void Flush() => inner.Flush();

    private void Keep(string text)
    {
        lock (log)
        {
            inner.Write(text);
            log.Add(new PrintedText(isError, text));
        }
    }
}
