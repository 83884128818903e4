using System.Data.Common;
using ModelForge.Compiler.Contracts;
using ModelForge.Runner.Connections.Adapters;

namespace ModelForge.Runner.Execution.Contracts;

/// <summary>Recognises a constraint violation and finds which contract constraint the database's message is about.</summary>
internal static class ConstraintViolations
{
    /// <summary>The warehouse adapter's classification; SQLSTATE class 23 (integrity constraint violation) for drivers that set it.</summary>
    public static bool IsViolation(DbException e) =>
        RunnerAdapters.Classify(e).Kind == WarehouseErrorKind.ConstraintViolation
        || e.SqlState?.StartsWith("23", StringComparison.Ordinal) == true;

    /// <summary>
    /// The one enforced constraint the message points at: same kind (the message names it: NOT NULL,
    /// CHECK, PRIMARY KEY, UNIQUE; SQL Server: "the value NULL") and, when several remain, the one whose column or expression the
    /// message mentions. Null when it cannot tell.
    /// </summary>
    public static ContractConstraint? Match(string message, IReadOnlyList<ContractConstraint> enforced)
    {
        var upper = message.ToUpperInvariant();
        ConstraintKind[] kinds = upper.Contains("NOT NULL", StringComparison.Ordinal) || upper.Contains("VALUE NULL", StringComparison.Ordinal) ? [ConstraintKind.NotNull]
            : upper.Contains("CHECK", StringComparison.Ordinal) ? [ConstraintKind.Check]
            : upper.Contains("PRIMARY KEY OR UNIQUE", StringComparison.Ordinal) ? [ConstraintKind.PrimaryKey, ConstraintKind.Unique]
            : upper.Contains("PRIMARY KEY", StringComparison.Ordinal) ? [ConstraintKind.PrimaryKey]
            : upper.Contains("UNIQUE", StringComparison.Ordinal) ? [ConstraintKind.Unique]
            : upper.Contains("FOREIGN KEY", StringComparison.Ordinal) ? [ConstraintKind.ForeignKey]
            : [];
        var candidates = enforced.Where(c => kinds.Contains(c.Kind)).ToList();
        if (candidates.Count <= 1) return candidates.FirstOrDefault();
        var squeezed = Squeeze(message);
        var mentioned = candidates.Where(c => c.Kind == ConstraintKind.Check
            ? squeezed.Contains(Squeeze(c.Expression ?? ""), StringComparison.OrdinalIgnoreCase)
            : c.Columns.Any(column => Mentions(message, column))).ToList();
        return mentioned.Count == 1 ? mentioned[0] : null;
    }

    // DuckDB prints a column as `table.column` (not null) or `"column: value"` (keys).
    private static bool Mentions(string message, string column) =>
        message.EndsWith("." + column, StringComparison.OrdinalIgnoreCase)
        || message.Contains($"\"{column}:", StringComparison.OrdinalIgnoreCase)
        || message.Contains($"'{column}'", StringComparison.OrdinalIgnoreCase);

    // DuckDB re-prints a check's expression with its own parentheses and spacing.
    private static string Squeeze(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c is not '(' and not ')').ToArray());
}
