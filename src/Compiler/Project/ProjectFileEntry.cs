using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Project;

/// <summary>One discovered project file.</summary>
/// <param name="Name">The file name without extension: the node's name.</param>
/// <param name="Path">Relative to the project root, '/' separators.</param>
/// <param name="Source">The file's text; its path equals <paramref name="Path"/>.</param>
/// <param name="ResourceType">What the file defines.</param>
/// <param name="ResourcePath">The configured folder it was found under, e.g. <c>models</c>.</param>
/// <param name="FqnPath">Folder names between <paramref name="ResourcePath"/> and the file: the path in the config tree.</param>
public sealed record ProjectFileEntry(
    string Name,
    string Path,
    SourceText Source,
    ResourceType ResourceType,
    string ResourcePath,
    IReadOnlyList<string> FqnPath);
