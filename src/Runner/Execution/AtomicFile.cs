namespace ModelForge.Runner.Execution;

/// <summary>
/// A file written beside its final path and moved over it only when complete, so a full disk or a
/// crash mid-write leaves the previous artifact (or none), never half a JSON file. Call
/// <see cref="Complete"/> after the last byte; disposing without it deletes the partial file.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private bool _complete;
    private bool _disposed;

    private AtomicFile(string path)
    {
        _path = path;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Same folder, so the final move is a rename on one file system.
        _temporary = $"{path}.{Guid.NewGuid():N}.partial";
        Stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public Stream Stream { get; }

    public static AtomicFile Create(string path) => new(path);

    /// <summary>Writes a whole file at once.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var file = Create(path);
        file.Stream.Write(bytes);
        file.Complete();
    }

    /// <summary>Marks the content complete: Dispose then replaces the target file with it.</summary>
    public void Complete() => _complete = true;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            // Flushing may itself hit the full disk; then the file is not complete after all.
            Stream.Dispose();
        }
        catch (IOException)
        {
            TryDelete();
            throw;
        }
        if (!_complete)
        {
            TryDelete();
            return;
        }
        try
        {
            File.Move(_temporary, _path, overwrite: true);
        }
        catch
        {
            TryDelete();
            throw;
        }
    }

    private void TryDelete()
    {
        try
        {
            File.Delete(_temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the final path still holds the previous artifact.
        }
    }
}
