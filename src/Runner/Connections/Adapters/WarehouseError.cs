namespace ModelForge.Runner.Connections.Adapters;

/// <summary>
/// A warehouse error as the runner needs it: its kind, and where in the statement that was sent the
/// warehouse located it. <paramref name="Offset"/> is a 0-based character offset (DuckDB gives one);
/// <paramref name="Line"/> a 1-based line of the statement (SQL Server gives only the line). Both
/// null when the warehouse gave no position.
/// </summary>
internal sealed record WarehouseError(WarehouseErrorKind Kind, int? Offset = null, int? Line = null);
