using System.Data.Common;

namespace ModelForge.Runner.Connections.DuckDb;

/// <summary>A DuckDB statement interrupted by a cancelled run, with DuckDB's own message.</summary>
internal sealed class DuckDbInterruptedException(Exception inner) : DbException("INTERRUPT Error: Interrupted!", inner);
