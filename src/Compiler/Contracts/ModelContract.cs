namespace ModelForge.Compiler.Contracts;

/// <summary>
/// A model's enforced contract: the columns in YAML order (the order the table is created in)
/// and every constraint, column-level ones first.
/// </summary>
public sealed record ModelContract(IReadOnlyList<ContractColumn> Columns, IReadOnlyList<ContractConstraint> Constraints);
