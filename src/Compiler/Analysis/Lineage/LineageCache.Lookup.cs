using ModelForge.Compiler.Analysis.Lineage.Syntax;

namespace ModelForge.Compiler.Analysis.Lineage;

internal sealed partial class LineageCache
{
    // A relation named in a model's FROM clauses, as the catalog was asked for it (schema and name only matter there).
    public readonly record struct Lookup(string? Schema, string Name)
    {
        public TableSource Table => new(null, Schema, Name, null);
    }
}
