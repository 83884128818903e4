using System.Collections;
using System.Text;

namespace ModelForge.Compiler.Targets.SqlServer;

// Grants on SQL Server. Permissions belong to the object, so every table swap would drop them:
// the configured ones are granted again inside the swap transaction (a grant to an unknown
// principal fails the swap, leaving the old table). The diff with what is granted now is made on
// the server, against sys.database_permissions, so it needs no round trip. DENY is left alone.
public sealed partial class SqlServerSql
{
    public override IReadOnlyList<string> ApplyGrants(string? database, string schema, string identifier,
        IReadOnlyDictionary<string, object?> config, bool revokeOthers)
    {
        var grants = Grants(config);
        if (grants.Count == 0) return [];
        var target = $"OBJECT::{Quote(schema)}.{Quote(identifier)}";
        var batch = new StringBuilder();
        if (revokeOthers)
        {
            var configured = string.Join(", ", grants.Select(g => $"({Literal(g.Privilege)}, {Literal(g.Grantee)})"));
            batch.Append("DECLARE @forge_revoke nvarchar(max) = N'';\n")
                .Append("SELECT @forge_revoke = @forge_revoke + N'REVOKE ' + p.permission_name + N' ON ")
                .Append(target.Replace("'", "''", StringComparison.Ordinal)).Append(" FROM ' + QUOTENAME(u.name)")
                // A privilege held WITH GRANT OPTION is revoked with CASCADE (else error 4611).
                .Append(" + CASE WHEN p.state = 'W' THEN N' CASCADE' ELSE N'' END + N';'\n")
                .Append("FROM sys.database_permissions AS p\n")
                .Append("INNER JOIN sys.database_principals AS u ON u.principal_id = p.grantee_principal_id\n")
                .Append($"WHERE p.class = 1 AND p.minor_id = 0 AND p.major_id = OBJECT_ID({Literal($"{Quote(schema)}.{Quote(identifier)}")})\n")
                .Append("  AND p.state IN ('G', 'W')\n")
                .Append($"  AND NOT EXISTS (SELECT 1 FROM (VALUES {configured}) AS c(privilege, grantee)\n")
                .Append("                  WHERE c.privilege = p.permission_name AND c.grantee = u.name);\n")
                .Append("EXEC (@forge_revoke);\n");
        }
        foreach (var (privilege, grantee) in grants)
            batch.Append($"GRANT {privilege} ON {target} TO {Quote(grantee)};\n");
        // GRANT names no database: the batch runs in the relation's.
        return [InDatabase(database, batch.ToString().TrimEnd('\n'))];
    }

    /// <summary>(privilege, grantee) pairs from <c>grants: {select: [a, b]}</c>; privileges upper-cased, as sys.database_permissions spells them.</summary>
    internal static IReadOnlyList<(string Privilege, string Grantee)> Grants(IReadOnlyDictionary<string, object?> config)
    {
        if (!config.TryGetValue("grants", out var value) || value is not IEnumerable entries || value is string) return [];
        var pairs = new List<(string, string)>();
        foreach (var entry in entries)
        {
            var (key, grantees) = entry switch
            {
                KeyValuePair<string, object?> pair => (pair.Key, pair.Value),
                DictionaryEntry pair => (pair.Key.ToString() ?? "", pair.Value),
                _ => ("", null),
            };
            var privilege = string.Join(' ', key.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            // A privilege is keywords only: anything else would be SQL injected into GRANT.
            if (privilege.Length == 0 || !privilege.All(c => c is ' ' or (>= 'A' and <= 'Z'))) continue;
            foreach (var grantee in Names(grantees).Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal))
                pairs.Add((privilege, grantee));
        }
        return pairs;
    }
}
