using System.Collections;

namespace ModelForge.Compiler.Context;

/// <summary>
/// A read-only list as templates index and iterate it (the engine treats <c>IList&lt;object?&gt;</c>
/// as a Python list). Changing it throws <see cref="NotSupportedException"/>.
/// </summary>
public abstract class ReadOnlyTemplateList : IList<object?>, IReadOnlyList<object?>
{
    public abstract int Count { get; }

    public abstract object? this[int index] { get; }

    object? IList<object?>.this[int index]
    {
        get => this[index];
        set => throw new NotSupportedException("read-only");
    }

    public bool IsReadOnly => true;

    public int IndexOf(object? item)
    {
        for (var i = 0; i < Count; i++)
        {
            if (Equals(this[i], item)) return i;
        }
        return -1;
    }

    public bool Contains(object? item) => IndexOf(item) >= 0;

    public void CopyTo(object?[] array, int arrayIndex)
    {
        for (var i = 0; i < Count; i++) array[arrayIndex + i] = this[i];
    }

    public IEnumerator<object?> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<object?>.Add(object? item) => throw new NotSupportedException("read-only");

    void ICollection<object?>.Clear() => throw new NotSupportedException("read-only");

    bool ICollection<object?>.Remove(object? item) => throw new NotSupportedException("read-only");

    void IList<object?>.Insert(int index, object? item) => throw new NotSupportedException("read-only");

    void IList<object?>.RemoveAt(int index) => throw new NotSupportedException("read-only");
}
