namespace ModelForge.Compiler.State;

/// <summary>How a node differs from the same node in the state manifest (dbt's state:modified.* sub-selectors).</summary>
[Flags]
public enum StateChange
{
    None = 0,
    /// <summary>The raw SQL (file checksum) changed.</summary>
    Body = 1,
    /// <summary>The resolved config changed.</summary>
    Configs = 2,
    /// <summary>YAML properties: description, columns.</summary>
    Properties = 4,
    /// <summary>A macro the node calls (directly or through other macros) changed.</summary>
    Macros = 8,
    /// <summary>The database, schema or alias changed.</summary>
    Relation = 16,
    Any = Body | Configs | Properties | Macros | Relation,
}
