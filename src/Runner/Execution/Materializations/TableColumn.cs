namespace ModelForge.Runner.Execution.Materializations;

/// <summary>A column of a relation as the warehouse describes it.</summary>
internal sealed record TableColumn(string Name, string DataType);
