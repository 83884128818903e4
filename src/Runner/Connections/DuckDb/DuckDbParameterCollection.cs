using System.Collections;
using System.Data.Common;

namespace ModelForge.Runner.Connections.DuckDb;

/// The parameters of one DuckDbCommand.
internal sealed class DuckDbParameterCollection : DbParameterCollection
{
    private readonly List<DuckDbParameter> _items = [];

    public override int Count => _items.Count;

    public override object SyncRoot => ((ICollection)_items).SyncRoot;

    public new DuckDbParameter this[int index] => _items[index];

    public DuckDbParameter Add(string parameterName, object? value)
    {
        var parameter = new DuckDbParameter(parameterName, value);
        _items.Add(parameter);
        return parameter;
    }

    /// Adds an unnamed parameter: it fills the next ? or $n.
    public DuckDbParameter AddValue(object? value)
    {
        var parameter = new DuckDbParameter(value);
        _items.Add(parameter);
        return parameter;
    }

    public override int Add(object value)
    {
        _items.Add(Cast(value));
        return _items.Count - 1;
    }

    public override void AddRange(Array values)
    {
        foreach (var value in values)
        {
            Add(value!);
        }
    }

    public override void Clear() => _items.Clear();

    public override bool Contains(object value) => value is DuckDbParameter parameter && _items.Contains(parameter);

    public override bool Contains(string value) => IndexOf(value) >= 0;

    public override void CopyTo(Array array, int index) => ((ICollection)_items).CopyTo(array, index);

    public override IEnumerator GetEnumerator() => _items.GetEnumerator();

    public override int IndexOf(object value) => value is DuckDbParameter parameter ? _items.IndexOf(parameter) : -1;

    public override int IndexOf(string parameterName)
    {
        var bare = new DuckDbParameter(parameterName, null).BareName;
        return _items.FindIndex(p => p.BareName.Equals(bare, StringComparison.OrdinalIgnoreCase));
    }

    public override void Insert(int index, object value) => _items.Insert(index, Cast(value));

    public override void Remove(object value) => _items.Remove(Cast(value));

    public override void RemoveAt(int index) => _items.RemoveAt(index);

    public override void RemoveAt(string parameterName) => _items.RemoveAt(IndexOfOrThrow(parameterName));

    protected override DbParameter GetParameter(int index) => _items[index];

    protected override DbParameter GetParameter(string parameterName) => _items[IndexOfOrThrow(parameterName)];

    protected override void SetParameter(int index, DbParameter value) => _items[index] = Cast(value);

    protected override void SetParameter(string parameterName, DbParameter value) => _items[IndexOfOrThrow(parameterName)] = Cast(value);

    private int IndexOfOrThrow(string parameterName)
    {
        var index = IndexOf(parameterName);
        return index >= 0 ? index : throw new ArgumentException($"No parameter named '{parameterName}'.", nameof(parameterName));
    }

    private static DuckDbParameter Cast(object value) =>
        value as DuckDbParameter ?? throw new ArgumentException($"Expected a DuckDbParameter, got {value?.GetType().Name ?? "null"}.", nameof(value));
}
