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

        public static Entry Of(string key, IReadOnlyDictionary<string, string> inputs, long length, long writtenTicks, byte[] code)
        {
            // Copied by a loop: ToArray() over key/value pairs is compiled at run time in a precompiled forge.
            var pending = new KeyValuePair<string, string>[inputs.Count];
            var i = 0;
            // A render's record is a Dictionary (RenderInputs): enumerated as one, not through a boxed enumerator per node.
            if (inputs is Dictionary<string, string> recorded)
            {
                foreach (var input in recorded) pending[i++] = input;
            }
            else
            {
                foreach (var input in inputs) pending[i++] = input;
            }
            return new(key, [], [], length, writtenTicks, code) { _pending = pending };
        }

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

        /// <summary>The recorded inputs (key, fingerprint), as stored or as read through <paramref name="table"/>, whose key begins with one of <paramref name="prefixes"/>.</summary>
        public KeyValuePair<string, string>[] InputsWith(StringTable table, string[] prefixes)
        {
            var count = _pending?.Length ?? Names.Length;
            var found = 0;
            for (var i = 0; i < count; i++)
            {
                if (HasPrefix(KeyAt(table, i), prefixes)) found++;
            }
            var kept = new KeyValuePair<string, string>[found];
            for (var (i, at) = (0, 0); i < count; i++)
            {
                var key = KeyAt(table, i);
                if (HasPrefix(key, prefixes)) kept[at++] = KeyValuePair.Create(key, _pending is { } pending ? pending[i].Value : table[Values[i]]);
            }
            return kept;
        }

        private string KeyAt(StringTable table, int i) => _pending is { } pending ? pending[i].Key : table[Names[i]];

        private static bool HasPrefix(string key, string[] prefixes)
        {
            foreach (var prefix in prefixes)
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal)) return true;
            }
            return false;
        }

        /// <summary>Gives a stored entry's inputs their indices in <paramref name="table"/>. One thread.</summary>
        public void Intern(StringTable table)
        {
            if (_pending is not { } pending) return;
            // Names first, then values: the table's order, and so the file, as before.
            var names = new int[pending.Length];
            for (var i = 0; i < pending.Length; i++) names[i] = table.Add(pending[i].Key);
            var values = new int[pending.Length];
            for (var i = 0; i < pending.Length; i++) values[i] = table.Add(pending[i].Value);
            (Names, Values, _pending) = (names, values, null);
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
