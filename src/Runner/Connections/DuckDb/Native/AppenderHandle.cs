using System.Runtime.InteropServices;

namespace ModelForge.Runner.Connections.DuckDb.Native;

/// Owns an appender (duckdb_appender). Destroying it also flushes; DuckDbAppender flushes and
/// closes explicitly first so that errors are reported rather than lost here.
internal sealed class AppenderHandle : SafeHandle
{
    public AppenderHandle(nint handle)
        : base(0, ownsHandle: true)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        var value = handle;
        NativeMethods.duckdb_appender_destroy(ref value);
        return true;
    }
}
