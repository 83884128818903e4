namespace ModelForge.Compiler.Contracts;

/// <summary>One row of the mismatch table: the column, its type in the query and in the contract (null when absent).</summary>
public sealed record ContractMismatch(string Column, MismatchKind Kind, string? QueryType, string? ContractType)
{
    public string Reason => Kind switch
    {
        MismatchKind.MissingInQuery => "missing in definition",
        MismatchKind.MissingInContract => "missing in contract",
        _ => "data type mismatch",
    };
}
