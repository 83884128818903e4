using System.Data.Common;
using ModelForge.Compiler.Project;
using ModelForge.Runner.Connections.Adapters;

namespace ModelForge.Runner.Connections.DuckDb;

/// <summary>
/// `forge debug`'s look at a DuckDB connection after the profile was applied: the target's catalog
/// exists, each extension is loaded, each attached database is there, each setting reads back.
/// </summary>
internal static class DuckDbSessionChecker
{
    public static IReadOnlyList<ConnectionCheck> Check(DbConnection connection, DuckDbTargetProfile profile)
    {
        var checks = new List<ConnectionCheck>();
        var databases = Column(connection, "select database_name from duckdb_databases()");
        if (profile.Database is { } database)
            checks.Add(new($"database {database}", databases.Contains(database), databases.Contains(database) ? "present" : $"not present (catalogs: {string.Join(", ", databases)})"));
        var loaded = Column(connection, "select extension_name from duckdb_extensions() where loaded");
        foreach (var extension in profile.ExtensionEntries)
        {
            var ok = loaded.Contains(extension.Name);
            checks.Add(new($"extension {extension.Name}", ok, ok ? "loaded" : "not loaded"));
        }
        foreach (var attachment in profile.Attachments)
        {
            var ok = databases.Contains(attachment.CatalogName);
            checks.Add(new($"attached {attachment.CatalogName}", ok, ok ? $"attached ({attachment.Path}{(attachment.ReadOnly ? ", read only" : "")})" : $"not attached ({attachment.Path})"));
        }
        foreach (var secret in profile.Secrets)
        {
            var ok = Column(connection, $"select name from duckdb_secrets() where name = '{secret.Name}'").Count == 1;
            checks.Add(new($"secret {secret.Name}", ok, ok ? $"created (type {secret.Type})" : "not found"));
        }
        foreach (var key in profile.DuckDbSettings.Keys)
        {
            try
            {
                var value = Column(connection, $"select cast(current_setting('{key}') as varchar)").SingleOrDefault() ?? "";
                checks.Add(new($"setting {key}", true, $"in effect: {value}"));
            }
            catch (DbException e)
            {
                checks.Add(new($"setting {key}", false, e.Message.ReplaceLineEndings(" ")));
            }
        }
        return checks;
    }

    private static List<string> Column(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        return values;
    }
}
