using System.Data.Common;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Seeds;
using ModelForge.Compiler.Targets;
using ModelForge.Runner.Execution.Materializations;

namespace ModelForge.Runner.Execution.Seeds;

/// <summary>
/// Loads one parsed seed into <c>schema.identifier</c>: creates a table with the seed's column types
/// under a helper name, bulk-writes the rows, then swaps it in (<see cref="TableSwap"/>). Any
/// failure leaves the previous table as it was.
/// </summary>
internal sealed class SeedLoader(ISeedWriter writer)
{
    /// <summary>
    /// Loads the seed and returns the number of rows loaded. Without
    /// <see cref="SeedLoadOptions.FullRefresh"/>, an existing table whose columns (names, order)
    /// differ from the CSV header is left alone and a <see cref="DiagnosticException"/> (MF1630,
    /// at the header line) is thrown; database failures throw <see cref="DbException"/>.
    /// </summary>
    public long Load(MaterializationContext context, SeedFile seed, SeedLoadOptions options)
    {
        var sql = context.Sql;
        var (db, schema, id) = (context.Database, context.Schema, context.Identifier);
        context.Relations.EnsureSchema(context.Connection, db, schema);
        var existing = context.Relations.Find(context.Connection, db, schema, id);
        if (existing == RelationKind.Table && !options.FullRefresh) CheckColumns(context, seed);

        return TableSwap.Replace(context, temp =>
        {
            context.Execute(SeedSql.CreateTable(sql, db, schema, temp, seed.Columns, options.QuoteColumns));
            return writer.Write(context.Connection, db, schema, temp, seed);
        });
    }

    private static void CheckColumns(MaterializationContext context, SeedFile seed)
    {
        var current = context.Query(SeedSql.ListColumns(context.Sql, context.Database, context.Schema, context.Identifier))
            .Select(row => (string)row[0]!).ToList();

        var wanted = seed.Columns.Select(c => c.Name).ToList();
        // Both databases compare column names without case.
        if (current.SequenceEqual(wanted, StringComparer.OrdinalIgnoreCase)) return;
        var added = wanted.Where(w => !current.Contains(w, StringComparer.OrdinalIgnoreCase)).ToList();
        var removed = current.Where(c => !wanted.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        throw new DiagnosticException(DiagnosticCodes.Seeds.HeaderChanged(seed.HeaderSpan, context.QualifiedName, added, removed));
    }
}
