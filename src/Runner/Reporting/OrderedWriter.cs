using System.Text;

namespace ModelForge.Runner.Reporting;

/// <summary>
/// forge's standard error: flushes <paramref name="first"/> (standard output, a
/// <see cref="BatchingWriter"/>) before each write, so what was printed first is still seen first
/// when both streams go to one terminal or log.
/// </summary>
internal sealed class OrderedWriter(TextWriter target, TextWriter first) : TextWriter
{
    public override Encoding Encoding => target.Encoding;

    public override void Write(char value)
    {
        first.Flush();
        target.Write(value);
    }

    public override void Write(string? value)
    {
        first.Flush();
        target.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        first.Flush();
        target.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        first.Flush();
        target.Write(buffer);
    }

    public override void WriteLine(string? value)
    {
        first.Flush();
        target.WriteLine(value);
    }

    public override void Flush()
    {
        first.Flush();
        target.Flush();
    }
}
