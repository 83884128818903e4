namespace ModelForge.Runner.Execution;

/// <summary>
/// Writes the target/run/ files (each node's statements, as run) on a thread of its own, in the
/// order given. A run file is a record that no later node reads, and a failure to write it never
/// changed a node's outcome, so the thread running statements does not wait for the disk: the next
/// node's statements start while the last one's file is written. The writer wakes every few
/// milliseconds (or when files pile up) rather than per file: waking another thread per node costs
/// the statement thread more, on a busy machine, than writing the file itself. <see cref="Complete"/>
/// waits for every file given; a file given after that is written at once.
/// </summary>
internal sealed class RunFileWriter : IDisposable
{
    private const int Interval = 20;
    private const int Pile = 64;
    private readonly object _gate = new();
    private readonly Queue<(string Root, string Path, string[] Statements)> _pending = new();
    private Thread? _thread;
    private bool _completed;

    /// <param name="statements">Copied now: the caller's list may go on growing.</param>
    public void Write(string projectRoot, string relativePath, IEnumerable<string> statements)
    {
        var item = (projectRoot, relativePath, statements.ToArray());
        lock (_gate)
        {
            if (!_completed)
            {
                _pending.Enqueue(item);
                _thread ??= Start();
                if (_pending.Count >= Pile) Monitor.Pulse(_gate);
                return;
            }
        }
        WriteFile(item);
    }

    /// <summary>Waits until every file given so far is written.</summary>
    public void Complete()
    {
        Thread? thread;
        lock (_gate)
        {
            _completed = true;
            Monitor.Pulse(_gate);
            thread = _thread;
        }
        thread?.Join();
    }

    public void Dispose() => Complete();

    private Thread Start()
    {
        // A background thread cannot keep a crashed process alive; every normal path calls Complete.
        var thread = new Thread(Drain) { IsBackground = true, Name = "forge run files" };
        thread.Start();
        return thread;
    }

    private void Drain()
    {
        while (true)
        {
            (string, string, string[]) item;
            lock (_gate)
            {
                while (_pending.Count == 0 && !_completed) Monitor.Wait(_gate, Interval);
                if (_pending.Count == 0) return;
                item = _pending.Dequeue();
            }
            WriteFile(item);
        }
    }

    // A run file that cannot be written is left out, as it always was: the run's outcome does not depend on it.
    private static void WriteFile((string Root, string Path, string[] Statements) item) =>
        ArtifactFiles.TryWrite(item.Root, item.Path, string.Join(";\n\n", item.Statements) + ";\n");
}
