using ModelForge.Compiler.Contracts;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Runner.Execution.Contracts;
using NUnit.Framework;

namespace ModelForge.Runner.Tests.Contracts;

public sealed class ConstraintViolationsTests
{
    private static readonly SourceSpan Span = new(new SourceText("models/schema.yml", ""), 0, 0);

    private static readonly ContractConstraint NotNullId = new() { Kind = ConstraintKind.NotNull, Columns = ["id"], Span = Span };
    private static readonly ContractConstraint NotNullName = new() { Kind = ConstraintKind.NotNull, Columns = ["name"], Span = Span };
    private static readonly ContractConstraint CheckAmount = new() { Kind = ConstraintKind.Check, Expression = "amount > 0", Span = Span };
    private static readonly ContractConstraint CheckLimit = new() { Kind = ConstraintKind.Check, Expression = "amount < 1000", Span = Span };
    private static readonly ContractConstraint Key = new() { Kind = ConstraintKind.PrimaryKey, Columns = ["id"], Span = Span };
    private static readonly ContractConstraint UniqueName = new() { Kind = ConstraintKind.Unique, Columns = ["name"], Span = Span };

    private static readonly ContractConstraint[] All = [NotNullId, NotNullName, CheckAmount, CheckLimit, Key, UniqueName];

    [Test]
    public void DuckDB_not_null_names_the_column() =>
        Assert.That(ConstraintViolations.Match("Constraint Error: NOT NULL constraint failed: orders.name", All), Is.SameAs(NotNullName));

    [Test]
    public void DuckDB_check_is_matched_by_its_reprinted_expression() =>
        Assert.That(ConstraintViolations.Match("Constraint Error: CHECK constraint failed on table orders with expression CHECK((amount < 1000))", All),
            Is.SameAs(CheckLimit));

    [Test]
    public void DuckDB_single_row_unique_names_the_key_column() =>
        Assert.That(ConstraintViolations.Match("Constraint Error: Duplicate key \"name: ada\" violates unique constraint.", All), Is.SameAs(UniqueName));

    [Test]
    public void SQL_Server_not_null_names_the_column() =>
        Assert.That(ConstraintViolations.Match(
            "Cannot insert the value NULL into column 'id', table 'dw.dbo.orders__forge_tmp'; column does not allow nulls. INSERT fails.", All),
            Is.SameAs(NotNullId));

    [Test]
    public void SQL_Server_primary_key_is_found_by_kind() =>
        Assert.That(ConstraintViolations.Match(
            "Violation of PRIMARY KEY constraint 'PK__orders__3213E83F'. Cannot insert duplicate key in object 'dbo.orders'. The duplicate key value is (1).", All),
            Is.SameAs(Key));

    [Test]
    public void An_ambiguous_bulk_duplicate_is_left_to_the_caller() =>
        Assert.That(ConstraintViolations.Match("Constraint Error: PRIMARY KEY or UNIQUE constraint violation: duplicate key \"1\"", All), Is.Null);
}
