namespace ModelForge.Compiler.Targets;

/// <summary>
/// How targets differ, declared as data so that generic code never asks which target it is on.
/// </summary>
/// <param name="MaxIdentifierLength">Longest identifier the database accepts (temporary names must fit).</param>
/// <param name="TransactionalDdl">CREATE/DROP/RENAME can be rolled back, so a swap is atomic.</param>
/// <param name="IncludeDatabaseInNames">Relations render with their database part (three-part names).</param>
/// <param name="QuoteOpen">Identifier quote opening character.</param>
/// <param name="QuoteClose">Identifier quote closing character.</param>
public sealed record TargetCapabilities(
    int MaxIdentifierLength,
    bool TransactionalDdl,
    bool IncludeDatabaseInNames,
    char QuoteOpen,
    char QuoteClose);
