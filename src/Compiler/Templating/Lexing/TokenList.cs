namespace ModelForge.Compiler.Templating.Lexing;

/// <summary>
/// A growable list of tokens. Ours rather than <c>List&lt;Token&gt;</c>: a framework collection over a struct of
/// forge's is compiled at run time, even in the precompiled forms, and every process that parses pays for it.
/// </summary>
internal sealed class TokenList(int capacity)
{
    private Token[] _items = new Token[capacity];

    public int Count { get; private set; }

    public int Capacity => _items.Length;

    public Token this[int index] => (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(Token token)
    {
        if (Count == _items.Length)
        {
            // The non-generic copy: Array.Resize<Token> would be compiled at run time too.
            var bigger = new Token[Math.Max(4, _items.Length * 2)];
            Array.Copy(_items, bigger, Count);
            _items = bigger;
        }
        _items[Count++] = token;
    }

    /// <summary>Empties the list, keeping its room (tokens hold no references worth freeing: names are interned per thread).</summary>
    public void Clear() => Count = 0;

    public int IndexOf(Token token)
    {
        for (var i = 0; i < Count; i++)
        {
            if (_items[i] == token) return i;
        }
        return -1;
    }
}
