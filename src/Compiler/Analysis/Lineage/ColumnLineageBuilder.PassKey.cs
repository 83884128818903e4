using ModelForge.Compiler.Caching;
using ModelForge.Compiler.Compilation;
using ModelForge.Compiler.Project;

namespace ModelForge.Compiler.Analysis.Lineage;

internal static partial class ColumnLineageBuilder
{
    // Everything a pass's lineage is a function of, but forge's build and the parser (the cache's stamp): the models
    // analysed, in order, with their SQL's hashes and what each depends on; every node as the relation catalog maps
    // names to it; and the columns known before any model is analysed (catalog, seed headers, YAML: CatalogOf). The
    // in-order pass answers every lookup from these alone, so when they equal the last pass's, so does each model's
    // lineage: every model's last entry is taken as it stands, with no lookup checked again (Held costs a relation
    // catalog and a key per model). Any other difference only means the entries are checked one by one, as before.
    private static string PassKey(CompiledProject project, List<string> models, string[] hashes,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? catalogColumns)
    {
        using var key = new HashingWriter();
        for (var i = 0; i < models.Count; i++)
        {
            key.Append('m').Append(models[i]).Append('\u0001').Append(hashes[i]);
            foreach (var parent in project.Nodes[models[i]].DependsOn) key.Append('\u0001').Append(parent);
            key.Append('\n');
        }
        foreach (var node in project.Nodes.Values)
        {
            // ProjectRelationCatalog's reading of the node: its type, whether ephemeral, schema, identifier, rendering.
            var relation = node.Relation;
            key.Append('n').Append(node.UniqueId).Append('\u0001').Append(((int)node.ResourceType).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append('\u0001').Append(node.Materialized == "ephemeral" ? 'e' : '-');
            Optional(key, relation.Schema);
            Optional(key, relation.Identifier);
            key.Append('\u0001').Append(relation.Render());
            if (KnownColumnsOf(node, catalogColumns) is { } known)
            {
                key.Append('\u0001').Append(known.Complete ? 'c' : 'p').Append(known.Origin);
                foreach (var name in known.Names) key.Append('\u0002').Append(name);
            }
            key.Append('\n');
        }
        return key.Hash();
    }

    private static void Optional(HashingWriter key, string? text)
    {
        if (text is null) key.Append('\u0003');
        else key.Append('\u0001').Append(text);
    }
}
