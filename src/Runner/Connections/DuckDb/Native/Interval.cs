using System.Runtime.InteropServices;

namespace ModelForge.Runner.Connections.DuckDb.Native;

/// duckdb_interval: months, days and microseconds are kept apart because months vary in length.
[StructLayout(LayoutKind.Sequential)]
internal struct Interval
{
    public int Months;
    public int Days;
    public long Micros;
}
