using System.Runtime.InteropServices;

namespace ModelForge.Runner.Connections.DuckDb.Native;

/// Owns one fetched data chunk (duckdb_data_chunk) and releases it exactly once.
internal sealed class DataChunkHandle : SafeHandle
{
    public DataChunkHandle()
        : base(0, ownsHandle: true)
    {
    }

    public DataChunkHandle(nint handle)
        : base(0, ownsHandle: true)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        var value = handle;
        NativeMethods.duckdb_destroy_data_chunk(ref value);
        return true;
    }
}
