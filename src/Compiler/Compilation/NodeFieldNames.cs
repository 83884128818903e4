using System.Text.Json;

namespace ModelForge.Compiler.Compilation;

/// <summary>The manifest's node field names, encoded once: the manifest writes them for every node.</summary>
internal static class NodeFieldNames
{
    public static readonly JsonEncodedText UniqueId = JsonEncodedText.Encode("unique_id");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText ResourceType = JsonEncodedText.Encode("resource_type");
    public static readonly JsonEncodedText PackageName = JsonEncodedText.Encode("package_name");
    public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
    public static readonly JsonEncodedText OriginalFilePath = JsonEncodedText.Encode("original_file_path");
    public static readonly JsonEncodedText Fqn = JsonEncodedText.Encode("fqn");
    public static readonly JsonEncodedText Database = JsonEncodedText.Encode("database");
    public static readonly JsonEncodedText Schema = JsonEncodedText.Encode("schema");
    public static readonly JsonEncodedText Alias = JsonEncodedText.Encode("alias");
    public static readonly JsonEncodedText RelationName = JsonEncodedText.Encode("relation_name");
    public static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
    public static readonly JsonEncodedText Tags = JsonEncodedText.Encode("tags");
    public static readonly JsonEncodedText Meta = JsonEncodedText.Encode("meta");
    public static readonly JsonEncodedText Config = JsonEncodedText.Encode("config");
    public static readonly JsonEncodedText DependsOn = JsonEncodedText.Encode("depends_on");
    public static readonly JsonEncodedText Macros = JsonEncodedText.Encode("macros");
    public static readonly JsonEncodedText Nodes = JsonEncodedText.Encode("nodes");
    public static readonly JsonEncodedText Refs = JsonEncodedText.Encode("refs");
    public static readonly JsonEncodedText Package = JsonEncodedText.Encode("package");
    public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    public static readonly JsonEncodedText Sources = JsonEncodedText.Encode("sources");
    public static readonly JsonEncodedText Columns = JsonEncodedText.Encode("columns");
    public static readonly JsonEncodedText RawCode = JsonEncodedText.Encode("raw_code");
    public static readonly JsonEncodedText Checksum = JsonEncodedText.Encode("checksum");
    public static readonly JsonEncodedText TestMetadata = JsonEncodedText.Encode("test_metadata");
    public static readonly JsonEncodedText ColumnName = JsonEncodedText.Encode("column_name");
    public static readonly JsonEncodedText AttachedNode = JsonEncodedText.Encode("attached_node");
    public static readonly JsonEncodedText Group = JsonEncodedText.Encode("group");
    public static readonly JsonEncodedText Access = JsonEncodedText.Encode("access");
    public static readonly JsonEncodedText LatestVersion = JsonEncodedText.Encode("latest_version");
    public static readonly JsonEncodedText DeprecationDate = JsonEncodedText.Encode("deprecation_date");
    public static readonly JsonEncodedText Identifier = JsonEncodedText.Encode("identifier");
    public static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source_name");
    public static readonly JsonEncodedText SourceDescription = JsonEncodedText.Encode("source_description");
    public static readonly JsonEncodedText Loader = JsonEncodedText.Encode("loader");
    public static readonly JsonEncodedText LoadedAtField = JsonEncodedText.Encode("loaded_at_field");
    public static readonly JsonEncodedText PatchPath = JsonEncodedText.Encode("patch_path");
    public static readonly JsonEncodedText Docs = JsonEncodedText.Encode("docs");
    public static readonly JsonEncodedText Show = JsonEncodedText.Encode("show");
    public static readonly JsonEncodedText NodeColor = JsonEncodedText.Encode("node_color");
    public static readonly JsonEncodedText BuildPath = JsonEncodedText.Encode("build_path");
    public static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
    public static readonly JsonEncodedText DocBlocks = JsonEncodedText.Encode("doc_blocks");
    public static readonly JsonEncodedText Metrics = JsonEncodedText.Encode("metrics");
    public static readonly JsonEncodedText Contract = JsonEncodedText.Encode("contract");
    public static readonly JsonEncodedText Enforced = JsonEncodedText.Encode("enforced");
    public static readonly JsonEncodedText AliasTypes = JsonEncodedText.Encode("alias_types");
    public static readonly JsonEncodedText DataType = JsonEncodedText.Encode("data_type");
}
