namespace ModelForge.Compiler.Contracts;

public enum MismatchKind
{
    /// <summary>In the contract, not in the model's query.</summary>
    MissingInQuery,

    /// <summary>In the model's query, not in the contract.</summary>
    MissingInContract,

    DataTypeMismatch,
}
