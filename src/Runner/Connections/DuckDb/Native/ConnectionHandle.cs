using System.Runtime.InteropServices;

namespace ModelForge.Runner.Connections.DuckDb.Native;

/// Owns a connection (duckdb_connection) and the reference it holds on its shared database, so
/// that even a connection the GC collects undisposed gives its database back.
internal sealed class ConnectionHandle : SafeHandle
{
    private readonly SharedDatabase _database;

    public ConnectionHandle(nint handle, SharedDatabase database)
        : base(0, ownsHandle: true)
    {
        SetHandle(handle);
        _database = database;
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        var value = handle;
        NativeMethods.duckdb_disconnect(ref value);
        _database.Release();
        return true;
    }
}
