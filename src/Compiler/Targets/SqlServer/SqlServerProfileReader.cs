using ModelForge.Compiler.Analysis.TSql;
using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Targets.SqlServer;

/// <summary>Reads a <c>type: sqlserver</c> output of profiles.yml (fields as in dbt-sqlserver, plus <c>sql_server_version</c>).</summary>
internal static class SqlServerProfileReader
{
    private static readonly (string Name, SqlServerAuthentication Value)[] AuthenticationNames =
    [
        ("sql", SqlServerAuthentication.Sql),
        ("ActiveDirectoryDefault", SqlServerAuthentication.ActiveDirectoryDefault),
        ("ActiveDirectoryServicePrincipal", SqlServerAuthentication.ActiveDirectoryServicePrincipal),
        ("ActiveDirectoryInteractive", SqlServerAuthentication.ActiveDirectoryInteractive),
        ("ActiveDirectoryManagedIdentity", SqlServerAuthentication.ActiveDirectoryManagedIdentity),
        ("ActiveDirectoryPassword", SqlServerAuthentication.ActiveDirectoryPassword),
        ("windows", SqlServerAuthentication.Windows),
        // Spellings SqlClient also accepts.
        ("ActiveDirectoryMsi", SqlServerAuthentication.ActiveDirectoryManagedIdentity),
        ("SqlPassword", SqlServerAuthentication.Sql),
    ];

    public static SqlServerTargetProfile? Read(YamlReader reader, string name, YamlMappingNode output, SourceSpan keySpan)
    {
        string? Text(params string[] keys)
        {
            foreach (var key in keys)
            {
                if (YamlReader.Get(output, key) is { } node) return reader.String(node, key);
            }
            return null;
        }
        int Int(string key, int fallback) => (int)(reader.Integer(YamlReader.Get(output, key), key) ?? fallback);
        bool Flag(string key, bool fallback) => reader.Bool(YamlReader.Get(output, key), key) ?? fallback;

        var server = Text("server", "host");
        var database = Text("database", "dbname");
        var user = Text("user", "username", "UID");
        var password = Text("password", "pass", "PWD");
        var clientId = Text("client_id");
        var clientSecret = Text("client_secret");
        var tenantId = Text("tenant_id");
        var authentication = ReadAuthentication(reader, output);
        if (authentication is null) return null;
        var grammar = ReadVersion(reader, output);
        if (grammar is null) return null;

        var ok = true;
        void Require(string? value, string field, string hint)
        {
            if (!string.IsNullOrEmpty(value)) return;
            // A credential that is written but renders empty (an unset env_var with an empty
            // default) is allowed here: `forge compile` needs no connection. Connecting reports it.
            string[] written = field switch
            {
                "user" => ["user", "username", "UID"],
                "password" => ["password", "pass", "PWD"],
                "client_secret" => ["client_secret"],
                _ => [],
            };
            if (written.Any(key => YamlReader.Get(output, key) is not null)) return;
            reader.Diagnostics.Add(DiagnosticCodes.Project.MissingProfileField(keySpan, field, name, "sqlserver", hint));
            ok = false;
        }
        Require(server, "server", "add `server: myserver.database.windows.net` (or `host:`)");
        Require(database, "database", "add `database: analytics` (or `dbname:`)");
        var authName = AuthenticationNames.First(a => a.Value == authentication).Name;
        if (authentication is SqlServerAuthentication.Sql or SqlServerAuthentication.ActiveDirectoryPassword)
        {
            Require(user, "user", $"authentication '{authName}' needs `user:` and `password:`; use `password: \"{{{{ env_var('MSSQL_PASSWORD') }}}}\"` to keep it out of the file");
            Require(password, "password", $"authentication '{authName}' needs a password; use `password: \"{{{{ env_var('MSSQL_PASSWORD') }}}}\"` to keep it out of the file");
        }
        if (authentication == SqlServerAuthentication.ActiveDirectoryServicePrincipal)
        {
            Require(clientId, "client_id", "a service principal needs client_id, client_secret and tenant_id");
            Require(clientSecret, "client_secret", "a service principal needs client_id, client_secret and tenant_id; read the secret with env_var");
            Require(tenantId, "tenant_id", "a service principal needs client_id, client_secret and tenant_id");
        }
        if (!ok) return null;
        return new SqlServerTargetProfile
        {
            Name = name,
            Server = server!,
            Port = Int("port", 1433),
            Database = database,
            Schema = Text("schema") ?? "dbo",
            Authentication = authentication.Value,
            User = user,
            Password = password,
            ClientId = clientId,
            ClientSecret = clientSecret,
            TenantId = tenantId,
            Encrypt = Flag("encrypt", true),
            TrustCert = Flag("trust_cert", false),
            LoginTimeout = Int("login_timeout", 0),
            QueryTimeout = Int("query_timeout", 0),
            Retries = Int("retries", 1),
            SqlServerVersion = grammar.Key,
        };
    }

    private static SqlServerAuthentication? ReadAuthentication(YamlReader reader, YamlMappingNode output)
    {
        var node = YamlReader.Get(output, "authentication");
        var text = reader.String(node, "authentication");
        if (text is null)
        {
            // dbt-sqlserver's older switch for integrated security.
            return reader.Bool(YamlReader.Get(output, "windows_login"), "windows_login") == true ? SqlServerAuthentication.Windows : SqlServerAuthentication.Sql;
        }
        foreach (var (authName, value) in AuthenticationNames)
        {
            if (string.Equals(authName, text.Trim(), StringComparison.OrdinalIgnoreCase)) return value;
        }
        var valid = AuthenticationNames.Take(7).Select(a => a.Name).ToList();
        reader.Diagnostics.Add(DiagnosticCodes.Project.InvalidAuthentication(reader.Span(node!), text, NameSuggester.Nearest(text, valid), valid));
        return null;
    }

    /// <summary>
    /// <c>sql_server_version</c>: which SQL Server grammar models are checked against at compile time
    /// (dbt-sqlserver has no such key; it is ModelForge's own). Null, reported, when the value is unknown.
    /// </summary>
    private static TSqlGrammar? ReadVersion(YamlReader reader, YamlMappingNode output)
    {
        var node = YamlReader.Get(output, SqlServerAdapter.VersionKey);
        if (node is null || YamlReader.IsNull(node)) return TSqlGrammar.Default;
        var text = reader.String(node, SqlServerAdapter.VersionKey);
        if (text is null) return null;
        if (TSqlGrammar.Find(text) is { } grammar) return grammar;
        var valid = TSqlGrammar.All.Select(g => g.Key).ToList();
        var nearest = NameSuggester.Nearest(text, valid);
        reader.Diagnostics.Add(DiagnosticCodes.Adapters.UnknownSqlServerVersion(reader.Span(node), text, nearest, valid));
        return null;
    }
}
