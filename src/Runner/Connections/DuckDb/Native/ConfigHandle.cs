using System.Runtime.InteropServices;

namespace ModelForge.Runner.Connections.DuckDb.Native;

/// Owns start-up options (duckdb_config) and releases it exactly once.
internal sealed class ConfigHandle : SafeHandle
{
    public ConfigHandle()
        : base(0, ownsHandle: true)
    {
    }

    public ConfigHandle(nint handle)
        : base(0, ownsHandle: true)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        var value = handle;
        NativeMethods.duckdb_destroy_config(ref value);
        return true;
    }
}
