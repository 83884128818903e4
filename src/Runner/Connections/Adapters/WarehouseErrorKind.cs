namespace ModelForge.Runner.Connections.Adapters;

/// <summary>What a warehouse error means for the run, as far as ModelForge acts on it differently.</summary>
internal enum WarehouseErrorKind
{
    /// <summary>Any other error: the statement failed (syntax, binding, conversion, ...).</summary>
    Other,

    /// <summary>A constraint stopped a write (NOT NULL, CHECK, PRIMARY KEY, UNIQUE, FOREIGN KEY).</summary>
    ConstraintViolation,

    /// <summary>A lock could not be taken (deadlock victim, lock timeout, database file held by another process).</summary>
    Lock,

    /// <summary>A retry may cure it: the server was busy, moving, or briefly unreachable.</summary>
    Transient,
}
