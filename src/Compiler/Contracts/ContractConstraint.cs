using ModelForge.Compiler.Diagnostics;

namespace ModelForge.Compiler.Contracts;

/// <summary>
/// One constraint of an enforced contract, on a column (<see cref="Columns"/> holds that column)
/// or on the model (<see cref="Columns"/> as written under <c>columns:</c>).
/// </summary>
public sealed record ContractConstraint
{
    public required ConstraintKind Kind { get; init; }

    /// <summary>The constraint's <c>name:</c>; null when not given.</summary>
    public string? Name { get; init; }

    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>For check and custom: the SQL expression, as written.</summary>
    public string? Expression { get; init; }

    /// <summary>For foreign_key: <c>ref('x')</c> or <c>source('s', 't')</c> as written.</summary>
    public string? To { get; init; }

    public IReadOnlyList<string> ToColumns { get; init; } = [];

    /// <summary>True when declared on a column rather than on the model.</summary>
    public bool ColumnLevel { get; init; }

    /// <summary>dbt's <c>warn_unenforced</c>/<c>warn_unsupported</c>: false silences the warning for this constraint.</summary>
    public bool Warn { get; init; } = true;

    public required SourceSpan Span { get; init; }

    /// <summary>dbt's YAML spelling: not_null, primary_key…</summary>
    public string TypeName => Kind switch
    {
        ConstraintKind.NotNull => "not_null",
        ConstraintKind.Unique => "unique",
        ConstraintKind.PrimaryKey => "primary_key",
        ConstraintKind.ForeignKey => "foreign_key",
        ConstraintKind.Check => "check",
        _ => "custom",
    };

    /// <summary>How the constraint reads in messages: <c>not_null on order_id</c>, <c>check 'amount &gt; 0' (positive_amount)</c>.</summary>
    public string Describe()
    {
        var what = Kind is ConstraintKind.Check or ConstraintKind.Custom ? $"{TypeName} '{Expression}'" : TypeName;
        if (Columns.Count > 0 && Kind is not (ConstraintKind.Check or ConstraintKind.Custom)) what += $" on {string.Join(", ", Columns)}";
        if (Kind == ConstraintKind.ForeignKey) what += $" to {To} ({string.Join(", ", ToColumns)})";
        return Name is null ? what : $"{what} (named {Name})";
    }
}
