using System.Numerics;
using System.Runtime.InteropServices;

namespace ModelForge.Runner.Connections.DuckDb.Native;

/// duckdb_uhugeint: value = Upper * 2^64 + Lower.
[StructLayout(LayoutKind.Sequential)]
internal struct UHugeInt
{
    public ulong Lower;
    public ulong Upper;

    public UHugeInt(ulong lower, ulong upper)
    {
        Lower = lower;
        Upper = upper;
    }

    public readonly BigInteger ToBigInteger() => ((BigInteger)Upper << 64) + Lower;
}
