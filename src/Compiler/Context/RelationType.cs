namespace ModelForge.Compiler.Context;

/// <summary>The relation types dbt code compares against (<c>relation.type == 'view'</c>).</summary>
public static class RelationType
{
    public const string Table = "table";
    public const string View = "view";
    public const string Cte = "cte";
    public const string External = "external";
    public const string MaterializedView = "materialized_view";
    public const string PointerTable = "pointer_table";

    /// <summary>True for null (unknown) and the names above.</summary>
    public static bool IsKnown(string? type) =>
        type is null or Table or View or Cte or External or MaterializedView or PointerTable;
}
