using ModelForge.Compiler.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

internal static partial class ProfilesLoader
{
    private static readonly string[] SupportedTypes = ["duckdb", "sqlserver"];

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

    private static TargetProfile? ReadOutput(YamlReader reader, string root, string name, YamlNode keyNode, YamlNode node)
    {
        var output = reader.Mapping(node, name);
        var keySpan = reader.Span(keyNode);
        if (output is null)
        {
            if (YamlReader.IsNull(node)) reader.Diagnostics.Add(DiagnosticCodes.Project.UnknownProfileType(keySpan, null, SupportedTypes));
            return null;
        }
        var errorsBefore = ErrorCount(reader.Diagnostics);
        var settings = (Dictionary<string, object?>)reader.Value(output)!;
        var typeNode = YamlReader.Get(output, "type");
        var type = reader.String(typeNode, "type")?.Trim().ToLowerInvariant();
        if (type is null || Array.IndexOf(SupportedTypes, type) < 0)
        {
            if (type is not null || YamlReader.IsNull(typeNode))
                reader.Diagnostics.Add(DiagnosticCodes.Project.UnknownProfileType(typeNode is null ? keySpan : reader.Span(typeNode), type, SupportedTypes));
            return null;
        }
        var threadsNode = YamlReader.Get(output, "threads");
        var threads = reader.Integer(threadsNode, "threads") ?? 1;
        if (threads < 1)
        {
            reader.Diagnostics.Add(DiagnosticCodes.Project.InvalidProfileValue(reader.Span(threadsNode!),
                $"'threads' must be at least 1, not {threads}", "set threads: 1 or more"));
        }
        TargetProfile? profile = type == "duckdb" ? ReadDuckDb(reader, root, name, output) : ReadSqlServer(reader, name, output, keySpan);
        // A wrong type in any field (reported by the reader) makes the target unusable.
        if (profile is null || threads < 1 || ErrorCount(reader.Diagnostics) != errorsBefore) return null;
        return profile with { Threads = (int)Math.Min(threads, 1024), Settings = settings, SourceSpan = keySpan };
    }

    internal static int ErrorCount(DiagnosticBag diagnostics) => diagnostics.ToList().Count(d => d.IsError);

    private static DuckDbTargetProfile ReadDuckDb(YamlReader reader, string root, string name, YamlMappingNode output)
    {
        // dbt-duckdb: no path means an in-memory database.
        var path = reader.String(YamlReader.Get(output, "path"), "path") ?? ":memory:";
        var isMemory = path == ":memory:";
        var isRemote = path.StartsWith("md:", StringComparison.Ordinal) || path.Contains("://", StringComparison.Ordinal);
        var fullPath = isMemory || isRemote ? path : Path.GetFullPath(Path.Combine(root, path));
        var database = reader.String(YamlReader.Get(output, "database"), "database")
            ?? (isMemory ? "memory" : isRemote ? path : Path.GetFileNameWithoutExtension(fullPath));
        var extensions = new List<string>();
        if (reader.Sequence(YamlReader.Get(output, "extensions"), "extensions") is { } list)
        {
            foreach (var item in list.Children)
            {
                // dbt-duckdb allows `- name: httpfs` mappings besides plain names.
                var extension = item is YamlMappingNode m ? reader.String(YamlReader.Get(m, "name"), "extensions.name") : reader.String(item, "extensions");
                if (extension is not null) extensions.Add(extension);
            }
        }
        return new DuckDbTargetProfile
        {
            Name = name,
            Schema = reader.String(YamlReader.Get(output, "schema"), "schema") ?? "main",
            Database = database,
            Path = fullPath,
            Extensions = extensions,
            DuckDbSettings = reader.Dictionary(YamlReader.Get(output, "settings"), "settings") ?? new Dictionary<string, object?>(),
        };
    }

    private static SqlServerTargetProfile? ReadSqlServer(YamlReader reader, string name, YamlMappingNode output, SourceSpan keySpan)
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
}
