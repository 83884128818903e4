using System.Runtime.InteropServices;

namespace ModelForge.Runner.Connections.DuckDb.Native;

/// Owns a duckdb_result in native memory: the C API wants a stable address for it, and
/// duckdb_destroy_result must run even when the query failed.
internal sealed unsafe class ResultHandle : SafeHandle
{
    public ResultHandle()
        : base(0, ownsHandle: true)
    {
        SetHandle((nint)NativeMemory.AllocZeroed((nuint)sizeof(NativeResult)));
    }

    public override bool IsInvalid => handle == 0;

    /// Valid while the handle is alive; callers keep the handle referenced while they use it.
    public NativeResult* Pointer => (NativeResult*)handle;

    protected override bool ReleaseHandle()
    {
        var result = (NativeResult*)handle;
        NativeMethods.duckdb_destroy_result(result);
        NativeMemory.Free(result);
        return true;
    }
}
