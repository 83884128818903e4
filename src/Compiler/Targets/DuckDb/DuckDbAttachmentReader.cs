using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Targets.DuckDb;

/// <summary>Reads a DuckDB profile's <c>attach:</c> list (fields as in dbt-duckdb's Attachment).</summary>
internal static class DuckDbAttachmentReader
{
    private static readonly HashSet<string> Known = ["path", "alias", "type", "secret", "read_only", "options", "is_ducklake"];

    public static List<DuckDbAttachment> Read(YamlReader reader, string root, YamlNode? node)
    {
        var attachments = new List<DuckDbAttachment>();
        if (reader.Sequence(node, "attach") is not { } list) return attachments;
        foreach (var item in list.Children)
        {
            var span = reader.Span(item);
            if (item is not YamlMappingNode map)
            {
                reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.BadAttachment(span, "must be a mapping with `path:`"));
                continue;
            }
            foreach (var (keyNode, _) in map.Children)
            {
                if (keyNode is YamlScalarNode { Value: { } key } && !Known.Contains(key))
                    reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.BadAttachment(reader.Span(keyNode), $"has an unknown key '{key}'"));
            }
            var path = reader.String(YamlReader.Get(map, "path"), "attach.path");
            if (string.IsNullOrWhiteSpace(path))
            {
                reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.BadAttachment(span, "has no `path:`"));
                continue;
            }
            var alias = reader.String(YamlReader.Get(map, "alias"), "attach.alias");
            var type = reader.String(YamlReader.Get(map, "type"), "attach.type");
            if (type is not null && !DuckDbSessionSetup.IsPlainName(type))
            {
                reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.BadAttachment(span, $"has type '{type}', which is not a database type name"));
                continue;
            }
            var options = new List<KeyValuePair<string, object?>>();
            if (reader.Mapping(YamlReader.Get(map, "options"), "attach.options") is { } optionMap)
            {
                var values = reader.Dictionary(optionMap, "attach.options")!;
                foreach (var (key, value) in values)
                {
                    if (DuckDbSessionSetup.IsSettingName(key)) options.Add(new(key, value));
                    else reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.BadAttachment(span, $"has option '{key}', which is not an option name"));
                }
            }
            attachments.Add(new DuckDbAttachment(Resolve(root, path, type), alias, type,
                reader.String(YamlReader.Get(map, "secret"), "attach.secret"),
                reader.Bool(YamlReader.Get(map, "read_only"), "attach.read_only") ?? false,
                options, span));
        }
        return attachments;
    }

    // A DuckDB or SQLite file is found from the project folder, like the profile's own path; URLs and
    // other types' connection strings ("dbname=x host=y") are passed as written.
    private static string Resolve(string root, string path, string? type)
    {
        var isFileType = type is null || type.Equals("duckdb", StringComparison.OrdinalIgnoreCase) || type.Equals("sqlite", StringComparison.OrdinalIgnoreCase);
        var isUrl = path.Contains(':', StringComparison.Ordinal) && !Path.IsPathRooted(path);
        return !isFileType || isUrl || path.StartsWith(":memory:", StringComparison.Ordinal) ? path : Path.GetFullPath(Path.Combine(root, path));
    }
}
