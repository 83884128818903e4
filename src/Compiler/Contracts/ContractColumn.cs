using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Contracts;

/// <summary>A column of an enforced contract: its name and <c>data_type</c> as written.</summary>
public sealed record ContractColumn(string Name, string DataType, SourceSpan Span);
