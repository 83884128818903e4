namespace ModelForge.Compiler.Compilation.Microbatch;

/// <summary>dbt's <c>batch_size</c>: the length of one microbatch window.</summary>
internal enum BatchSize
{
    Hour,
    Day,
    Month,
    Year,
}
