using System.Collections;

namespace ModelForge.Compiler.Compilation;

/// <summary>
/// A fully qualified name, <c>[project, folder…, name]</c>, read from its parts instead of copied
/// into a list: the nodes of a folder (or the tests of a YAML file) share its folder list, and a
/// node adds only this small object.
/// </summary>
internal sealed class FqnParts(string project, IReadOnlyList<string> folders, string name) : IReadOnlyList<string>
{
    public int Count => folders.Count + 2;

    public string this[int index] =>
        (uint)index >= (uint)Count ? throw new ArgumentOutOfRangeException(nameof(index))
        : index == 0 ? project
        : index <= folders.Count ? folders[index - 1]
        : name;

    public IEnumerator<string> GetEnumerator()
    {
        yield return project;
        for (var i = 0; i < folders.Count; i++) yield return folders[i];
        yield return name;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
