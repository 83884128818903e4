using ModelForge.Compiler.Diagnostics;
using ModelForge.Compiler.Project;
using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Targets.DuckDb;

/// <summary>Reads a DuckDB profile's <c>secrets:</c> list; values are kept only for CREATE SECRET.</summary>
internal static class DuckDbSecretReader
{
    public static List<DuckDbSecret> Read(YamlReader reader, YamlNode? node, string? credentialProvider)
    {
        var secrets = new List<DuckDbSecret>();
        ReadList(reader, node, secrets);
        // dbt-duckdb's older spelling of an S3 secret from the AWS credential chain, kept as it keeps it.
        if (credentialProvider == "aws")
            secrets.Add(new DuckDbSecret($"_dbt_secret_{secrets.Count + 1}", "s3", false, [new("provider", "credential_chain")], null));
        return secrets;
    }

    private static void ReadList(YamlReader reader, YamlNode? node, List<DuckDbSecret> secrets)
    {
        if (reader.Sequence(node, "secrets") is not { } list) return;
        var position = 0;
        foreach (var item in list.Children)
        {
            position++;
            var span = reader.Span(item);
            if (item is not YamlMappingNode map)
            {
                reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.BadSecret(span, "must be a mapping"));
                continue;
            }
            var type = reader.String(YamlReader.Get(map, "type"), "secrets.type");
            if (type is null || !DuckDbSessionSetup.IsPlainName(type))
            {
                reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.BadSecret(span, type is null ? "has no `type:`" : $"has type '{type}', which is not a secret type name"));
                continue;
            }
            var name = reader.String(YamlReader.Get(map, "name"), "secrets.name") ?? $"_dbt_secret_{position}";
            if (!DuckDbSessionSetup.IsPlainName(name))
            {
                reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.BadSecret(span, $"has name '{name}', which is not a plain name"));
                continue;
            }
            var values = reader.Dictionary(map, "secrets")!;
            var parameters = new List<KeyValuePair<string, object?>>();
            foreach (var (key, value) in values)
            {
                if (key is "type" or "name" or "persistent" || value is null) continue;
                if (DuckDbSessionSetup.IsSettingName(key)) parameters.Add(new(key, value));
                else reader.Diagnostics.Add(DiagnosticCodes.DuckDbProfile.BadSecret(span, $"'{name}' has parameter '{key}', which is not a parameter name"));
            }
            secrets.Add(new DuckDbSecret(name, type, reader.Bool(YamlReader.Get(map, "persistent"), "secrets.persistent") ?? false, parameters, span));
        }
    }
}
