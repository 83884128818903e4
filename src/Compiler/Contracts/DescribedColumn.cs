namespace ModelForge.Compiler.Contracts;

/// <summary>An output column of a query as the database describes it, without running the query.</summary>
public sealed record DescribedColumn(string Name, string DataType);
