namespace ModelForge.Runner.Memo;

/// <summary>
/// One file or folder found by a <see cref="Scan"/>, by its path relative to the scan's (empty for a one-file scan). <see cref="Ticks"/> is the last write time
/// (UTC ticks), -1 for a symbolic link (whose own time says nothing of its target's content);
/// <see cref="Hash"/> is empty until hashed and for folders and stat-only scans.
/// </summary>
internal sealed record ScanEntry(string Path, bool IsFolder, long Length, long Ticks, string Hash);
