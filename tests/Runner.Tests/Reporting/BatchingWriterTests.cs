using System.Text;
using ModelForge.Runner.Reporting;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Reporting;

/// forge's standard output is written in batches on a thread of its own (BatchingWriter); standard
/// error flushes it first (OrderedWriter). Both record into one list here, as a terminal shows them.
[TestFixture]
internal sealed class BatchingWriterTests
{
    private readonly List<string> _seen = [];

    [SetUp]
    public void SetUp() => _seen.Clear();

    private BatchingWriter Output() => new(new RecordingStream(this), new UTF8Encoding(false));

    private void Record(string what)
    {
        lock (_seen) _seen.Add(what);
    }

    [Test]
    public void What_is_printed_to_standard_error_comes_after_the_output_printed_before_it()
    {
        var output = Output();
        var error = new OrderedWriter(new RecordingWriter(this), output);

        output.WriteLine("1 of 2 START");
        error.WriteLine("error: it failed");
        output.WriteLine("2 of 2 START");
        output.Dispose();

        Assert.That(_seen, Is.EqualTo(new[] { "out:1 of 2 START\n", "err:error: it failed\n", "out:2 of 2 START\n" }));
    }

    [Test]
    public void Lines_from_many_threads_arrive_whole_in_each_thread_s_order_by_the_time_it_is_disposed()
    {
        var output = Output();
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            for (var i = 0; i < 500; i++) output.WriteLine($"thread {t} line {i} {new string('.', 40)}");
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        output.Dispose();

        var lines = string.Concat(_seen.Select(s => s["out:".Length..])).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2000));
        for (var t = 0; t < 4; t++)
        {
            var own = lines.Where(l => l.StartsWith($"thread {t} ", StringComparison.Ordinal)).ToList();
            Assert.That(own, Is.EqualTo(Enumerable.Range(0, 500).Select(i => $"thread {t} line {i} {new string('.', 40)}")));
        }
    }

    [Test]
    public void Flush_writes_what_was_given_before_it_returns_and_text_after_dispose_is_written_at_once()
    {
        var output = Output();
        output.Write("partial ");
        output.Write('x');
        output.Flush();
        Assert.That(_seen, Is.EqualTo(new[] { "out:partial x" }));

        output.Dispose();
        output.WriteLine("late");
        Assert.That(_seen, Is.EqualTo(new[] { "out:partial x", "out:late\n" }));
    }

    [Test]
    public void A_stream_that_stops_taking_text_is_recorded_once_and_nothing_is_thrown_at_the_printers()
    {
        var output = new BatchingWriter(new FailingStream(), new UTF8Encoding(false));

        output.WriteLine("1 of 2 START");
        Assert.DoesNotThrow(output.Flush);
        output.WriteLine("2 of 2 START");
        Assert.DoesNotThrow(output.Dispose);
        Assert.DoesNotThrow(() => output.WriteLine("after dispose"));

        Assert.That(output.Failure, Is.EqualTo("No space left on device"));
    }

    private sealed class FailingStream : RecordingStream
    {
        public FailingStream() : base(null!)
        {
        }

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");
    }

    private class RecordingStream(BatchingWriterTests test) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => test.Record("out:" + Encoding.UTF8.GetString(buffer, offset, count));
    }

    private sealed class RecordingWriter(BatchingWriterTests test) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) => test.Record("err:" + value);
        public override void WriteLine(string? value) => test.Record("err:" + value + "\n");
    }
}
