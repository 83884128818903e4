namespace ModelForge.Runner.Memo;

/// <summary>One place recorded in the memo: a folder or file (absolute) and how it is read.</summary>
internal sealed record Scan(string Path, ScanMode Mode)
{
    /// <summary>Inputs fall back to a content hash when their size or time changed; outputs and the database do not.</summary>
    public bool Hashed => Mode is ScanMode.Tree or ScanMode.Yaml or ScanMode.File;
}
