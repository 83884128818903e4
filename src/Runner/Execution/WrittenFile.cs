namespace ModelForge.Runner.Execution;

/// <summary>A file as a write left it: its length in bytes and its last write time (UTC ticks).</summary>
internal readonly record struct WrittenFile(long Length, long WrittenTicks);
