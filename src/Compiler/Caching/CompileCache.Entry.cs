namespace ModelForge.Compiler.Caching;

internal sealed partial class CompileCache
{
    /// <summary>One node's record. Inputs are held as indices into the cache's <see cref="StringTable"/>.</summary>
    private sealed class Entry(string key, int[] names, int[] values, long length, long writtenTicks)
    {
        public const int Unchecked = 0;
        public const int Reused = 1;
        public const int Rejected = 2;

        // Inputs of a render stored by this compile, given indices only when saved.
        private KeyValuePair<string, string>[]? _pending;

        public string Key { get; } = key;
        public int[] Names { get; private set; } = names;
        public int[] Values { get; private set; } = values;
        public long Length { get; } = length;
        public long WrittenTicks { get; } = writtenTicks;

        // Set by the one thread that checks this node; read once the compile's threads are joined.
        public int State { get; set; }

        public static Entry Of(string key, IReadOnlyDictionary<string, string> inputs, long length, long writtenTicks) =>
            new(key, [], [], length, writtenTicks) { _pending = inputs.ToArray() };

        public static Entry Read(BinaryReader reader, StringTable table)
        {
            var key = reader.ReadString();
            var count = reader.Read7BitEncodedInt();
            var names = new int[count];
            var values = new int[count];
            for (var i = 0; i < count; i++)
            {
                names[i] = table.Checked(reader.Read7BitEncodedInt());
                values[i] = table.Checked(reader.Read7BitEncodedInt());
            }
            return new Entry(key, names, values, reader.ReadInt64(), reader.ReadInt64());
        }

        /// <summary>Gives a stored entry's inputs their indices in <paramref name="table"/>. One thread.</summary>
        public void Intern(StringTable table)
        {
            if (_pending is not { } pending) return;
            Names = pending.Select(p => table.Add(p.Key)).ToArray();
            Values = pending.Select(p => table.Add(p.Value)).ToArray();
            _pending = null;
        }

        public void Write(BinaryWriter writer)
        {
            writer.Write(Key);
            writer.Write7BitEncodedInt(Names.Length);
            for (var i = 0; i < Names.Length; i++)
            {
                writer.Write7BitEncodedInt(Names[i]);
                writer.Write7BitEncodedInt(Values[i]);
            }
            writer.Write(Length);
            writer.Write(WrittenTicks);
        }
    }
}
