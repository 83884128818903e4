using System.Numerics;
using System.Runtime.InteropServices;

namespace ModelForge.Runner.Connections.DuckDb.Native;

/// duckdb_hugeint: value = Upper * 2^64 + Lower.
[StructLayout(LayoutKind.Sequential)]
internal struct HugeInt
{
    public ulong Lower;
    public long Upper;

    public HugeInt(ulong lower, long upper)
    {
        Lower = lower;
        Upper = upper;
    }

    public readonly BigInteger ToBigInteger() => ((BigInteger)Upper << 64) + Lower;

    public static bool TryFrom(BigInteger value, out HugeInt result)
    {
        if (value < -(BigInteger.One << 127) || value >= BigInteger.One << 127)
        {
            result = default;
            return false;
        }

        result = new HugeInt((ulong)(value & ulong.MaxValue), (long)(value >> 64));
        return true;
    }
}
