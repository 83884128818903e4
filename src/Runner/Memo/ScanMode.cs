namespace ModelForge.Runner.Memo;

/// <summary>How one place the loader looks is recorded in the memo, and how strictly it is checked.</summary>
internal enum ScanMode
{
    /// <summary>Every file and folder below, hidden ones included (a superset of what discovery reads).</summary>
    Tree,

    /// <summary>The .yml/.yaml files directly in the folder (project file, packages, selectors, profiles).</summary>
    Yaml,

    /// <summary>The names of the folder's direct subfolders (the installed packages).</summary>
    Folders,

    /// <summary>One file, which may be absent (a profiles.yml candidate).</summary>
    File,

    /// <summary>An output tree: every file's size and time must be as written (no content fallback).</summary>
    OutputTree,

    /// <summary>One output file, by size and time only; may be absent.</summary>
    OutputFile,

    /// <summary>A database file vouching for the catalog (<see cref="Connections.Adapters.IRunnerAdapter.CatalogFiles"/>): size and time only; may be absent.</summary>
    DatabaseFile,
}
