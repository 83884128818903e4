namespace ModelForge.Compiler.Targets;

// materialized='external' (dbt-duckdb): only targets whose capabilities declare ExternalFiles get
// here; the compiler refuses the materialization elsewhere (ExternalMaterializationCheck).
public abstract partial class TargetSql
{
    /// <summary>Writes the result of <paramref name="query"/> to <paramref name="path"/> with COPY options.</summary>
    internal virtual string CopyToFile(string query, string path, IReadOnlyList<string> options) =>
        throw new NotSupportedException($"the {Type} target cannot write files");

    /// <summary>A SELECT of every row of the file(s) at <paramref name="location"/> (a path or a glob).</summary>
    internal virtual string SelectFromFile(string location, string format, bool partitioned, string? delimiter) =>
        throw new NotSupportedException($"the {Type} target cannot read files");
}
