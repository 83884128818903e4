namespace ModelForge.Runner.Memo;

/// <summary>
/// A file whose content differs from the memo's record while everything else holds: a SQL file in one of
/// the project's folders, which a delta compile may render alone (<see cref="InvocationMemo"/>.Delta).
/// </summary>
internal sealed record Edit(RecordedScan Scan, int Index, string FullPath)
{
    // Past this many, the full compile is as quick as rendering each alone.
    private const int Max = 16;

    /// <summary>Adds the change to <paramref name="edits"/> when it may be one; false when it is a difference that ends the check.</summary>
    public static bool Collect(List<Edit>? edits, RecordedScan scan, int index, string fullPath)
    {
        if (edits is null || edits.Count >= Max || scan.Scan.Mode != ScanMode.Tree || !fullPath.EndsWith(".sql", StringComparison.Ordinal)) return false;
        edits.Add(new Edit(scan, index, fullPath));
        return true;
    }
}
