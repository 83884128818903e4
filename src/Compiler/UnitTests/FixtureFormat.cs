namespace ModelForge.Compiler.UnitTests;

/// <summary>How a unit test's <c>rows:</c> (or fixture file) are written, as dbt's <c>format:</c> names it.</summary>
internal enum FixtureFormat
{
    /// <summary>A list of mappings, column to value (dbt's default).</summary>
    Dict,
    /// <summary>CSV text: a header line, then one line per row.</summary>
    Csv,
    /// <summary>A SELECT that returns the rows; used as written.</summary>
    Sql,
}
