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
            ExternalRoot = Path.GetFullPath(Path.Combine(root, reader.String(YamlReader.Get(output, "external_root"), "external_root") ?? ".")),
            FilesRoot = Path.GetFullPath(root),
        };
    }
}
