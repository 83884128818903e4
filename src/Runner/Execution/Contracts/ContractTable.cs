using System.Data.Common;
using ModelForge.Compiler.Contracts;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Targets;
using ModelForge.Runner.Execution.Materializations;

namespace ModelForge.Runner.Execution.Contracts;

/// <summary>
/// The build half of a contract: creates the helper table with the declared columns and the
/// constraints the target enforces, then fills it from the model's query. A row that breaks a
/// constraint fails the build before the swap, so the previous table stays as it was.
/// </summary>
internal static class ContractTable
{
    /// <summary>Creates and fills <paramref name="identifier"/>; returns rows inserted, or -1 when the database does not say.</summary>
    public static int Create(MaterializationContext context, string identifier, ModelContract contract)
    {
        var sql = context.Sql;
        try
        {
            context.Execute(sql.CreateTableWithContract(context.Database, context.Schema, identifier, contract, context.Config));
            return context.Execute(sql.InsertFromQuery(context.Database, context.Schema, identifier,
                contract.Columns.Select(c => c.Name).ToList(), context.CompiledSql));
        }
        catch (DbException e) when (ConstraintViolations.IsViolation(e))
        {
            context.TryExecute(sql.Drop(context.Database, context.Schema, identifier, RelationKind.Table));
            throw new DiagnosticException(Violation(context, contract, e, identifier));
        }
    }

    /// <summary>
    /// The diagnostic for a row that broke a constraint: the constraint by its YAML description when
    /// it can be told, the database's message (with the helper table's name replaced by the model's).
    /// Also used for incremental batches, which insert into the contracted table itself.
    /// </summary>
    public static Diagnostic Violation(MaterializationContext context, ModelContract contract, DbException e, string? helper = null)
    {
        var enforced = contract.Constraints.Where(c => context.Sql.UnenforcedReason(c) is null).ToList();
        var message = e.Message.Split('\n')[0].Trim();
        if (helper is not null) message = message.Replace(helper, context.Identifier, StringComparison.Ordinal);
        var named = ConstraintViolations.Match(message, enforced) ?? DuplicatedKey(context, message, enforced);
        return DiagnosticCodes.Contracts.ConstraintViolated(named?.Span ?? enforced.FirstOrDefault()?.Span, context.Identifier,
            named is null ? message : $"{named.Describe()}: {message}",
            string.Join("; ", enforced.Select(c => c.Describe())));
    }

    /// <summary>
    /// DuckDB's bulk insert says only "PRIMARY KEY or UNIQUE constraint violation: duplicate key" with
    /// the value; asking the query which key repeats names the constraint. Runs only after a failure.
    /// </summary>
    private static ContractConstraint? DuplicatedKey(MaterializationContext context, string message, IReadOnlyList<ContractConstraint> enforced)
    {
        if (!message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var constraint in enforced.Where(c => c.Kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique))
        {
            try
            {
                var rows = context.QueryRecorded(context.Sql.DuplicateKeysQuery(context.CompiledSql, constraint.Columns));
                if (rows.Count == 1 && DbNumbers.ToInt64(rows[0][0]) > 0) return constraint;
            }
            catch (DbException)
            {
                // Only a better message was at stake; the violation itself is reported either way.
                return null;
            }
        }
        return null;
    }
}
