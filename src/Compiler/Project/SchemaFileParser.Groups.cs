using YamlDotNet.RepresentationModel;

namespace ModelForge.Compiler.Project;

// groups: entries (dbt 1.5): name, owner, description, config.meta.
internal sealed partial class SchemaFileParser
{
    private List<GroupDefinition> Groups(YamlMappingNode root)
    {
        var result = new List<GroupDefinition>();
        foreach (var (item, name) in Items(root, "groups", "group"))
        {
            var owner = _reader.Dictionary(YamlReader.Get(item, "owner"), "owner");
            if (owner is null) Missing(item, $"group '{name}'", "owner", "give owner: {name: ..., email: ...}, as dbt requires");
            result.Add(new GroupDefinition
            {
                Name = name,
                Span = _reader.Span(item),
                Owner = owner ?? NewMap(),
                Description = Text(item, "description"),
                Meta = MapOf(item, "config").GetValueOrDefault("meta") as Dictionary<string, object?> ?? NewMap(),
            });
        }
        return result;
    }
}
