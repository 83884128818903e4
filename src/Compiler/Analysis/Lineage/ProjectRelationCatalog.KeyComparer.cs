namespace ModelForge.Compiler.Analysis.Lineage;

internal sealed partial class ProjectRelationCatalog
{
    // Schema and identifier compared without regard to case, as both databases do by default.
    private sealed class KeyComparer : IEqualityComparer<(string Schema, string Identifier)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string Schema, string Identifier) x, (string Schema, string Identifier) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Schema, y.Schema) && StringComparer.OrdinalIgnoreCase.Equals(x.Identifier, y.Identifier);

        public int GetHashCode((string Schema, string Identifier) key) => HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Schema), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Identifier));
    }
}
