namespace ModelForge.Compiler.Analysis.Lineage;

/// <summary>How a model column relates to an upstream column.</summary>
public enum LineageKind
{
    /// <summary>The value is passed through unchanged (a plain column reference or rename).</summary>
    Direct,

    /// <summary>The value is computed from the upstream column (function, CASE, cast, aggregate…).</summary>
    Transformed,
}
