namespace ModelForge.Compiler.Caching;

/// <summary>
/// Lower-case hex of hashes, both ways. Ours rather than Convert's: its vectorized code is compiled at run time, and
/// the memo's check, which hashes and reads back a few hashes, should not wait for it.
/// </summary>
internal static class Hex
{
    private const string Digits = "0123456789abcdef";

    public static string Lower(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = bytes.Length <= 64 ? stackalloc char[bytes.Length * 2] : new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = Digits[bytes[i] >> 4];
            chars[2 * i + 1] = Digits[bytes[i] & 0xF];
        }
        return new string(chars);
    }

    /// <summary>Fills <paramref name="bytes"/> from exactly twice as many hex digits (either case); false for anything else.</summary>
    public static bool TryDecode(string hex, Span<byte> bytes)
    {
        if (hex.Length != bytes.Length * 2) return false;
        for (var i = 0; i < bytes.Length; i++)
        {
            var high = Value(hex[2 * i]);
            var low = Value(hex[2 * i + 1]);
            if (high < 0 || low < 0) return false;
            bytes[i] = (byte)(high << 4 | low);
        }
        return true;
    }

    private static int Value(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
