using System.Text;
using ModelForge.Compiler.Caching;

namespace ModelForge.Compiler.Analysis.Lineage;

internal sealed partial class LineageCache
{
    // Reads a string as BinaryReader.ReadString does (7-bit length, UTF-8), making each distinct text once per load:
    // node ids and column names recur in every downstream model's origins, and a fully cached docs generate kept a
    // copy of each (10,000 models: most of the load's allocation). Decoded straight from the file's one read.
    private sealed class Strings
    {
        // Longer texts (never a name in practice) are decoded on their own.
        private const int PooledLength = 512;

        private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public Strings() => _lookup = _seen.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Read(BinaryReader reader)
        {
            var bytes = CacheFile.Slice(reader, reader.Read7BitEncodedInt()).Span;
            if (bytes.Length > PooledLength) return Encoding.UTF8.GetString(bytes);
            Span<char> buffer = stackalloc char[PooledLength + 1];
            var chars = buffer[..Encoding.UTF8.GetChars(bytes, buffer)];
            if (_lookup.TryGetValue(chars, out var known)) return known;
            var text = chars.ToString();
            _seen.Add(text, text);
            return text;
        }

        public string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? Read(reader) : null;
    }
}
