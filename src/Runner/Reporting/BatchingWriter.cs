using System.Text;

namespace ModelForge.Runner.Reporting;

/// <summary>
/// forge's standard output: text is collected and written to the stream by a thread of its own,
/// every <see cref="Interval"/> ms, in the order given. Writing each console line at once costs
/// the thread running statements a system call and, on a pipe (CI logs, bench), waking the reader:
/// 50–100 µs per line on a busy 2-core machine, two lines per node. Lines now reach the console at
/// most that interval later. <see cref="Flush"/> writes everything given so far before it returns
/// (<see cref="OrderedWriter"/> calls it before each write to standard error); disposing flushes
/// and stops the thread. Thread-safe.
/// </summary>
/// <param name="ownsStream">Disposing the writer disposes the stream (a log file; not standard output).</param>
internal sealed class BatchingWriter(Stream stream, Encoding encoding, bool ownsStream = false) : TextWriter
{
    public const int Interval = 20;

    private readonly object _gate = new();
    private readonly Lock _writing = new();
    private StringBuilder _pending = new();
    private Thread? _thread;
    private bool _stopped;
    private bool _idle;

    public override Encoding Encoding => encoding;

    public override void Write(char value)
    {
        lock (_gate) Started().Append(value);
        WrittenAfterStop();
    }

    public override void Write(string? value)
    {
        lock (_gate) Started().Append(value);
        WrittenAfterStop();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate) Started().Append(buffer, index, count);
        WrittenAfterStop();
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_gate) Started().Append(buffer);
        WrittenAfterStop();
    }

    public override void WriteLine(string? value)
    {
        lock (_gate) Started().Append(value).Append(CoreNewLine);
        WrittenAfterStop();
    }

    /// <summary>
    /// Why the stream stopped taking text (closed, full disk, broken pipe), or null. From then on text
    /// is dropped rather than thrown at whichever thread printed it; the caller reports this once.
    /// </summary>
    public string? Failure { get; private set; }

    /// <summary>Writes everything given so far to the stream before returning.</summary>
    public override void Flush()
    {
        // One writer at a time, so that text taken earlier reaches the stream earlier.
        lock (_writing)
        {
            string text;
            lock (_gate)
            {
                if (_pending.Length == 0) return;
                text = _pending.ToString();
                _pending.Clear();
            }
            if (Failure is not null) return;
            try
            {
                stream.Write(encoding.GetBytes(text));
                stream.Flush();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                Failure = (e.InnerException ?? e).Message;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Thread? thread;
            lock (_gate)
            {
                _stopped = true;
                Monitor.Pulse(_gate);
                thread = _thread;
            }
            thread?.Join();
            Flush();
            if (ownsStream) stream.Dispose();
        }
        base.Dispose(disposing);
    }

    // The caller holds _gate. The thread starts with the first text, and is woken when text comes
    // after a pause (once per batch, not per line).
    private StringBuilder Started()
    {
        if (_stopped) return _pending;
        if (_thread is null)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "forge output" };
            _thread.Start();
        }
        else if (_idle)
        {
            _idle = false;
            Monitor.Pulse(_gate);
        }
        return _pending;
    }

    // Text given after Dispose is written at once by the caller (there is no thread any more).
    private void WrittenAfterStop()
    {
        if (Volatile.Read(ref _stopped)) Flush();
    }

    private void Run()
    {
        while (true)
        {
            lock (_gate)
            {
                // Nothing to write: sleep until text comes, then give the batch the interval to fill.
                while (_pending.Length == 0 && !_stopped)
                {
                    _idle = true;
                    Monitor.Wait(_gate);
                }
                _idle = false;
                if (!_stopped) Monitor.Wait(_gate, Interval);
                if (_stopped) return;
            }
            Flush();
        }
    }
}
