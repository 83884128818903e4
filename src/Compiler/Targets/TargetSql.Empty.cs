namespace ModelForge.Compiler.Targets;

// `--empty` (dbt 1.8): refs and sources render as subqueries that return no rows, so a run builds
// every relation with its columns and none of its data.
public abstract partial class TargetSql
{
    /// <summary>
    /// <paramref name="relation"/> (a rendered name) as a zero-row subquery; <paramref name="alias"/>
    /// follows it where the target needs derived tables named (dbt's <c>_dbt_limit_subq_&lt;table&gt;</c>), else null.
    /// </summary>
    public virtual string ZeroRows(string relation, string? alias) =>
        $"(select * from {relation} where false limit 0){(alias is null ? "" : " " + alias)}";
}
