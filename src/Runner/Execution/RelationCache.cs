using System.Collections.Concurrent;
using System.Data.Common;
using ModelForge.Compiler.Targets;

namespace ModelForge.Runner.Execution;

/// <summary>
/// What exists in the warehouse, fetched once per schema and kept up to date as the run creates,
/// renames and drops relations, so no node pays for a metadata query of its own.
/// </summary>
internal sealed class RelationCache(TargetSql sql)
{
    private readonly ConcurrentDictionary<string, Schema> _schemas = new(StringComparer.OrdinalIgnoreCase);

    public RelationKind? Find(DbConnection connection, string? database, string schema, string identifier)
    {
        Schema known;
        try
        {
            known = Load(connection, database, schema);
        }
        catch (Compiler.Diagnostics.DiagnosticException e) when (e.Diagnostic.Code == Compiler.Diagnostics.DiagnosticCodes.Introspection.ConnectionUnavailableCode)
        {
            // `forge compile` without a reachable warehouse (a SQL Server project compiled offline):
            // relations read as absent, so is_incremental() is false as it always was offline;
            // queries (run_query, statement, get_columns_in_relation) still fail their node.
            return null;
        }
        lock (known) return known.Relations.TryGetValue(identifier, out var kind) ? kind : null;
    }

    /// <summary>Creates the schema once per run (callers hold no lock; creation is idempotent).</summary>
    public void EnsureSchema(DbConnection connection, string? database, string schema)
    {
        var known = Load(connection, database, schema);
        lock (known)
        {
            if (known.Exists) return;
            using var command = connection.CreateCommand();
            command.CommandText = sql.CreateSchemaIfNotExists(database, schema);
            command.ExecuteNonQuery();
            known.Exists = true;
        }
    }

    public void Set(string? database, string schema, string identifier, RelationKind? kind)
    {
        if (!_schemas.TryGetValue(Key(database, schema), out var known)) return;
        lock (known)
        {
            if (kind is { } k) known.Relations[identifier] = k;
            else known.Relations.Remove(identifier);
        }
    }

    private Schema Load(DbConnection connection, string? database, string schema) =>
        _schemas.GetOrAdd(Key(database, schema), _ =>
        {
            var known = new Schema();
            using var command = connection.CreateCommand();
            command.CommandText = sql.ListRelations(database, schema);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                known.Exists = true;
                known.Relations[reader.GetString(0)] = reader.GetString(1) == "view" ? RelationKind.View : RelationKind.Table;
            }
            // An empty schema may or may not exist; EnsureSchema's create-if-not-exists settles it once.
            return known;
        });

    private static string Key(string? database, string schema) => $"{database}.{schema}";

    private sealed class Schema
    {
        public bool Exists { get; set; }

        public Dictionary<string, RelationKind> Relations { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
