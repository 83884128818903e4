using System.Text.Json;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Templating;

namespace ModelForge.Compiler.Artifacts;

// The manifest v12 sections besides nodes, sources and macros: every one is required by the
// schema, so each is written even when empty.
public static partial class ManifestWriter
{
    private static void WriteSectionsBeforeMaps(Utf8JsonWriter json, CompiledProject project)
    {
        WriteEmptyObject(json, "docs");
        WriteEmptyObject(json, "exposures");
        WriteEntries(json, "metrics", project.SemanticLayer.Metrics);
        WriteGroups(json, project);
        WriteEmptyObject(json, "selectors");
        WriteEmptyObject(json, "disabled");
    }

    private static void WriteSectionsAfterMaps(Utf8JsonWriter json, CompiledProject project)
    {
        WriteGroupMap(json, project);
        WriteEntries(json, "saved_queries", project.SemanticLayer.SavedQueries);
        WriteEntries(json, "semantic_models", project.SemanticLayer.SemanticModels);
    }

    /// <summary>
    /// A macro's entry (the value, after its name <paramref name="id"/>) as manifest v12 has it. state:modified compares
    /// <c>macro_sql</c> (there is no macro checksum in dbt's schema); a package's macro path is relative to the package,
    /// as dbt writes it. ManifestPatch rewrites macro_sql alone after a macro's edit: nothing else here may depend on the body.
    /// </summary>
    private static void WriteMacro(Utf8JsonWriter json, CompiledProject project, string id, string package, string name, Macro macro)
    {
        var path = project.Project.WithPackages.FirstOrDefault(p => p.Name == package)?.PathInProject(macro.Span.Path) ?? macro.Span.Path;
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("resource_type", "macro");
        json.WriteString("package_name", package);
        json.WriteString("path", path);
        json.WriteString("original_file_path", path);
        json.WriteString("unique_id", id);
        json.WriteString("macro_sql", State.MacroDependencies.BodyOf(macro));
        json.WriteStartObject("depends_on");
        json.WriteStartArray("macros");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteString("description", "");
        json.WriteEndObject();
    }

    private static void WriteGroups(Utf8JsonWriter json, CompiledProject project)
    {
        json.WriteStartObject("groups");
        foreach (var (unit, file, group) in project.Groups)
        {
            var path = unit.PathInProject(file.Source.Path) ?? file.Source.Path;
            var id = $"group.{unit.Name}.{group.Name}";
            json.WritePropertyName(id);
            JsonValueWriter.Write(json, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = group.Name,
                ["resource_type"] = "group",
                ["package_name"] = unit.Name,
                ["path"] = path,
                ["original_file_path"] = path,
                ["unique_id"] = id,
                ["owner"] = group.Owner,
                ["description"] = group.Description,
                ["config"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["meta"] = group.Meta },
            });
        }
        json.WriteEndObject();
    }

    /// <summary>group_map: each group's name and the unique ids of the nodes in it, as dbt writes it.</summary>
    private static void WriteGroupMap(Utf8JsonWriter json, CompiledProject project)
    {
        json.WriteStartObject("group_map");
        foreach (var (_, _, group) in project.Groups)
        {
            json.WriteStartArray(group.Name);
            foreach (var id in project.Order)
                if (AccessRules.GroupOf(project.Nodes[id]) == group.Name) json.WriteStringValue(id);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteEntries(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, Dictionary<string, object?>> entries)
    {
        json.WriteStartObject(name);
        foreach (var (id, entry) in entries)
        {
            json.WritePropertyName(id);
            JsonValueWriter.Write(json, entry);
        }
        json.WriteEndObject();
    }

    private static void WriteEmptyObject(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject(name);
        json.WriteEndObject();
    }

    /// <summary>Semantic-layer entries by the node or entry they depend on: a model's semantic models, a semantic model's metrics…</summary>
    private static Dictionary<string, List<string>> SemanticChildren(CompiledProject project)
    {
        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (child, parents) in project.SemanticLayer.Parents)
        {
            foreach (var parent in parents)
            {
                if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
                list.Add(child);
            }
        }
        return children;
    }
}
