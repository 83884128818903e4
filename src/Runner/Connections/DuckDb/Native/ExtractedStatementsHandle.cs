using System.Runtime.InteropServices;

namespace ModelForge.Runner.Connections.DuckDb.Native;

/// Owns statements split by DuckDB's parser (duckdb_extracted_statements) and releases it exactly once.
internal sealed class ExtractedStatementsHandle : SafeHandle
{
    public ExtractedStatementsHandle()
        : base(0, ownsHandle: true)
    {
    }

    public ExtractedStatementsHandle(nint handle)
        : base(0, ownsHandle: true)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        var value = handle;
        NativeMethods.duckdb_destroy_extracted(ref value);
        return true;
    }
}
