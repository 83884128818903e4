namespace ModelForge.Compiler.Caching;

internal sealed partial class CompileCache
{
    /// <summary>
    /// One node's record. Inputs are held as indices into the cache's <see cref="StringTable"/>;
    /// <see cref="Code"/> is the compiled file's content (UTF-8), so a reused node's SQL comes from
    /// the cache's one read rather than an open and read of its file: a slice of that read, not a copy
    /// (19,383 arrays that every collection would copy on to older generations at 10,000 models).
    /// </summary>
    private sealed class Entry(string key, int[] names, int[] values, long length, long writtenTicks, ReadOnlyMemory<byte> code)
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
        public ReadOnlyMemory<byte> Code { get; } = code;

        // Set by the one thread that checks this node; read once the compile's threads are joined.
        public int State { get; set; }

        public static Entry Of(string key, IReadOnlyDictionary<string, string> inputs, long length, long writtenTicks, byte[] code) =>
            new(key, [], [], length, writtenTicks, code) { _pending = inputs.ToArray() };

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
            var length = reader.ReadInt64();
            var writtenTicks = reader.ReadInt64();
            var code = CacheFile.Slice(reader, reader.Read7BitEncodedInt());
            // Recorded with the file's length: a shorter read is a damaged cache, read as none.
            if (code.Length != length) throw new EndOfStreamException();
            return new Entry(key, names, values, length, writtenTicks, code);
        }

        /// <summary>The recorded inputs (key, fingerprint), as stored or as read through <paramref name="table"/>.</summary>
        public IEnumerable<KeyValuePair<string, string>> Inputs(StringTable table) =>
            _pending ?? Names.Select((name, i) => new KeyValuePair<string, string>(table[name], table[Values[i]]));

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
            writer.Write7BitEncodedInt(Code.Length);
            writer.Write(Code.Span);
        }
    }
}
