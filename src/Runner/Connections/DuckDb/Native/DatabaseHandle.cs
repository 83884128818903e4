using System.Runtime.InteropServices;

namespace ModelForge.Runner.Connections.DuckDb.Native;

/// Owns the database instance (duckdb_database) and releases it exactly once.
internal sealed class DatabaseHandle : SafeHandle
{
    public DatabaseHandle()
        : base(0, ownsHandle: true)
    {
    }

    public DatabaseHandle(nint handle)
        : base(0, ownsHandle: true)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        var value = handle;
        NativeMethods.duckdb_close(ref value);
        return true;
    }
}
