using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Targets.DuckDb;

/// <summary>Reads a <c>type: duckdb</c> output of profiles.yml (fields as in dbt-duckdb).</summary>
internal static class DuckDbProfileReader
{
    public static DuckDbTargetProfile Read(YamlReader reader, string root, string name, YamlMappingNode output)
    {
        // dbt-duckdb: no path means an in-memory database.
        var path = reader.String(YamlReader.Get(output, "path"), "path") ?? ":memory:";
        var isMemory = path == ":memory:";
        var isRemote = path.StartsWith("md:", StringComparison.Ordinal) || path.Contains("://", StringComparison.Ordinal);
        var fullPath = isMemory || isRemote ? path : Path.GetFullPath(Path.Combine(root, path));
        var attachments = DuckDbAttachmentReader.Read(reader, root, YamlReader.Get(output, "attach"));
        var derived = isMemory ? "memory" : isRemote ? RemoteCatalog(path) : Path.GetFileNameWithoutExtension(fullPath);
        var databaseNode = YamlReader.Get(output, "database");
        var database = reader.String(databaseNode, "database") ?? derived;
        // As dbt-duckdb: the catalog is the file's, or an attached database's when the profile names its alias.
        if (database != derived && !isRemote && !attachments.Any(a => a.CatalogName == database))
            reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.DatabaseMismatch(reader.Span(databaseNode!), database, derived));
        var extensions = ReadExtensions(reader, YamlReader.Get(output, "extensions"));
        WarnUnsupported(reader, output);
        var (settings, settingSpans) = ReadSettings(reader, YamlReader.Get(output, "settings"));
        return new DuckDbTargetProfile
        {
            Name = name,
            Schema = reader.String(YamlReader.Get(output, "schema"), "schema") ?? "main",
            Database = database,
            Path = fullPath,
            Extensions = extensions.Select(e => e.Name).ToList(),
            ExtensionEntries = extensions,
            DuckDbSettings = settings,
            SettingSpans = settingSpans,
            Secrets = DuckDbSecretReader.Read(reader, YamlReader.Get(output, "secrets"), reader.String(YamlReader.Get(output, "use_credential_provider"), "use_credential_provider")),
            Attachments = attachments,
            KeepOpen = reader.Bool(YamlReader.Get(output, "keep_open"), "keep_open") ?? true,
            ConfigOptions = ReadConfigOptions(reader, YamlReader.Get(output, "config_options")),
            ExternalRoot = Path.GetFullPath(Path.Combine(root, reader.String(YamlReader.Get(output, "external_root"), "external_root") ?? ".")),
            FilesRoot = Path.GetFullPath(root),
        };
    }

    // Keys of dbt-duckdb that forge does not implement and whose absence changes what a run does.
    private static readonly string[] Unsupported = ["plugins", "filesystems", "remote", "module_paths"];

    private static Dictionary<string, string> ReadConfigOptions(YamlReader reader, YamlNode? node)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.Mapping(node, "config_options") is not { } map) return options;
        foreach (var (key, value) in reader.Dictionary(map, "config_options")!)
        {
            if (!DuckDbSessionSetup.IsSettingName(key))
            {
                reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.BadSetting(reader.Span(map), key));
                continue;
            }
            options[key] = value switch
            {
                bool b => b ? "true" : "false",
                _ => System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
        }
        return options;
    }

    private static void WarnUnsupported(YamlReader reader, YamlMappingNode output)
    {
        foreach (var (keyNode, value) in output.Children)
        {
            if (keyNode is YamlScalarNode { Value: { } key } && Unsupported.Contains(key) && !YamlReader.IsNull(value))
                reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.UnsupportedKey(reader.Span(keyNode), key));
        }
    }

    // As dbt-duckdb derives it: the file name of a URL's path; MotherDuck's default database is my_db.
    private static string RemoteCatalog(string path)
    {
        var withoutQuery = path.Split('?', 2)[0];
        var name = Path.GetFileNameWithoutExtension(withoutQuery.Contains("://", StringComparison.Ordinal) ? withoutQuery : withoutQuery[(withoutQuery.IndexOf(':') + 1)..]);
        return name.Length > 0 ? name : "my_db";
    }

    private static List<DuckDbExtension> ReadExtensions(YamlReader reader, YamlNode? node)
    {
        var extensions = new List<DuckDbExtension>();
        if (reader.Sequence(node, "extensions") is not { } list) return extensions;
        foreach (var item in list.Children)
        {
            var span = reader.Span(item);
            // dbt-duckdb allows `- name: spatial` mappings, with the repository to install from.
            var (extension, repository) = item is YamlMappingNode m
                ? (reader.String(YamlReader.Get(m, "name"), "extensions.name"), reader.String(YamlReader.Get(m, "repo"), "extensions.repo"))
                : (reader.String(item, "extensions"), null);
            if (extension is null)
            {
                if (item is YamlMappingNode) reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.BadExtension(span, "has no `name:`"));
                continue;
            }
            if (!DuckDbSessionSetup.IsPlainName(extension))
            {
                reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.BadExtension(span, $"'{extension}' is not an extension name"));
                continue;
            }
            extensions.Add(new DuckDbExtension(extension, string.IsNullOrWhiteSpace(repository) ? null : repository.Trim(), span));
        }
        return extensions;
    }

    private static (Dictionary<string, object?>, Dictionary<string, SourceSpan>) ReadSettings(YamlReader reader, YamlNode? node)
    {
        var settings = new Dictionary<string, object?>(StringComparer.Ordinal);
        var spans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        if (reader.Mapping(node, "settings") is not { } map) return (settings, spans);
        var values = reader.Dictionary(map, "settings")!;
        foreach (var (keyNode, _) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key }) continue;
            var span = reader.Span(keyNode);
            if (!DuckDbSessionSetup.IsSettingName(key))
            {
                reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.BadSetting(span, key));
                continue;
            }
            settings[key] = values.GetValueOrDefault(key);
            spans[key] = span;
        }
        return (settings, spans);
    }
}
