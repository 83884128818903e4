namespace ModelForge.Compiler.Caching;

internal sealed partial class CompileCache
{
    /// <summary>
    /// The distinct input names and values of every entry, each written and decoded once: most are
    /// shared by thousands of nodes (a macro's fingerprint, a ref's relation). Indices only grow.
    /// </summary>
    private sealed class StringTable(List<string> strings)
    {
        // Built when a stored entry is first interned: a compile that reuses everything never needs it.
        private Dictionary<string, int>? _index;

        public int Count => strings.Count;

        public string this[int id] => strings[id];

        public static StringTable Read(BinaryReader reader)
        {
            var count = reader.ReadInt32();
            var strings = new List<string>(count);
            for (var i = 0; i < count; i++) strings.Add(reader.ReadString());
            return new StringTable(strings);
        }

        /// <summary><paramref name="id"/>, or a FormatException (the file is damaged: no cache) when it names no string.</summary>
        public int Checked(int id) => (uint)id < (uint)strings.Count ? id : throw new FormatException("string index out of range");

        public int Add(string value)
        {
            if (_index is null)
            {
                _index = new Dictionary<string, int>(strings.Count, StringComparer.Ordinal);
                for (var i = 0; i < strings.Count; i++) _index.TryAdd(strings[i], i);
            }
            if (_index.TryGetValue(value, out var id)) return id;
            strings.Add(value);
            return _index[value] = strings.Count - 1;
        }

        public void Write(BinaryWriter writer)
        {
            writer.Write(strings.Count);
            foreach (var value in strings) writer.Write(value);
        }
    }
}
