using System.Runtime.InteropServices;

namespace ModelForge.Runner.Connections.DuckDb.Native;

/// Owns a prepared statement (duckdb_prepared_statement) and releases it exactly once.
internal sealed class PreparedStatementHandle : SafeHandle
{
    public PreparedStatementHandle()
        : base(0, ownsHandle: true)
    {
    }

    public PreparedStatementHandle(nint handle)
        : base(0, ownsHandle: true)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        var value = handle;
        NativeMethods.duckdb_destroy_prepare(ref value);
        return true;
    }
}
