namespace ModelForge.Runner.Docs;

internal sealed partial class SearchIndexBuilder
{
    /// <summary>
    /// A builder's distinct tokens, numbered in the order first seen and found again from a span of characters (an open
    /// hash table): no string per lookup, and no framework dictionary keyed by span, whose lookups were the most of the
    /// index's time.
    /// </summary>
    private sealed class TokenTable
    {
        public const int InitialCapacity = 1024;

        private string[] _texts = new string[InitialCapacity];
        private int[] _hashes = new int[InitialCapacity];
        // Token number + 1 per slot (0: empty); a power of two, kept at most half full.
        private int[] _slots = new int[InitialCapacity * 2];

        public int Count { get; private set; }

        public string this[int id] => _texts[id];

        /// <summary>The token's number; <paramref name="text"/> (its string, if the caller has one) is kept when it is new.</summary>
        public int IdOf(ReadOnlySpan<char> token, string? text, out bool added)
        {
            var hash = Hash(token);
            var mask = _slots.Length - 1;
            var slot = hash & mask;
            for (var entry = _slots[slot]; entry != 0; entry = _slots[slot])
            {
                if (_hashes[entry - 1] == hash && token.SequenceEqual(_texts[entry - 1]))
                {
                    added = false;
                    return entry - 1;
                }
                slot = (slot + 1) & mask;
            }
            added = true;
            var id = Count++;
            if (id == _texts.Length)
            {
                Array.Resize(ref _texts, id * 2);
                Array.Resize(ref _hashes, id * 2);
            }
            _texts[id] = text ?? token.ToString();
            _hashes[id] = hash;
            _slots[slot] = id + 1;
            if (Count * 2 > _slots.Length) Grow();
            return id;
        }

        private void Grow()
        {
            var slots = new int[_slots.Length * 2];
            var mask = slots.Length - 1;
            for (var id = 0; id < Count; id++)
            {
                var slot = _hashes[id] & mask;
                while (slots[slot] != 0) slot = (slot + 1) & mask;
                slots[slot] = id + 1;
            }
            _slots = slots;
        }

        // FNV-1a over the characters, high bits folded down: tokens are short, and the low bits pick the slot.
        private static int Hash(ReadOnlySpan<char> token)
        {
            var hash = 2166136261u;
            foreach (var c in token) hash = (hash ^ c) * 16777619u;
            return (int)((hash ^ (hash >> 16)) & int.MaxValue);
        }
    }
}
